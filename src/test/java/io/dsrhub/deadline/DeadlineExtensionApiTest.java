package io.dsrhub.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/admin/requests/{id}/extension}: only for operators, only with a reason, only where the
 * regime allows it and before the original deadline, once; the subject is told in their language.
 */
class DeadlineExtensionApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2025-03-03T08:00:00Z"));
    private static TestDatabase database;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static LedgerRows rows;

    @BeforeAll
    static void start() {
        database = TestDatabase.h2();
        mail = new TestMailServer();
        hub = HubInstance.builder().database(database).property("dsr.verification.challenge-new-requests", "false").mail(mail).bean("clock", CLOCK)
                .property("dsr.deadline.schedule", "0 0 0 1 1 ? 2099").start();
        rows = new LedgerRows(database.dataSource());
    }

    @AfterAll
    static void stop() {
        hub.close();
        mail.close();
        database.close();
    }

    @BeforeEach
    void morning() {
        CLOCK.set(Instant.parse("2025-03-03T08:00:00Z"));
    }

    private static String submit(String controller, String jurisdiction, String language, String email)
            throws Exception {
        HttpResponse<String> response = hub.http().postJson("/api/v1/requests", """
                {"controller": "%s", "types": ["access"], "jurisdiction": "%s", "language": "%s",
                 "identities": [{"type": "email", "value": "%s"}]}""".formatted(controller, jurisdiction, language, email));
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private static HttpResponse<String> extend(String id, String body) {
        return hub.http().postJson("/api/v1/admin/requests/" + id + "/extension", body,
                "Authorization", "Bearer " + HubInstance.ADMIN_TOKEN, "X-Operator", "Li Na");
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error").asText();
    }

    @Test
    void theSubjectIsToldInTheirLanguageWithTheReasonAndTheNewDate() throws Exception {
        // IID2SECURE answers in Chinese; a subject in Germany is under the GDPR, which allows an extension
        String id = submit("iid2secure", "DE", "zh", "wang@example.de");
        mail.awaitMessagesTo("wang@example.de", 1);
        HttpResponse<String> response = extend(id, "{\"reason\": \"您的数据分布在四个地区的服务器上，需要更多时间汇总。\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("clock").get("extension").get("by").asText()).isEqualTo("operator:Li Na");

        MimeMessage notice = mail.awaitMessagesTo("wang@example.de", 2).get(1);
        DateTimeFormatter chinese = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.CHINESE);
        assertThat(notice.getSubject()).endsWith("我们需要更多时间答复您的个人信息请求");
        assertThat(notice.getFrom()[0].toString()).isEqualTo("technical-support@iid2secure.nl");
        String text = (String) notice.getContent();
        // received Mon 3 Mar 2025 (Shanghai): GDPR one month -> 3 Apr, three months -> 3 Jun; the 30-day promise
        // (3 Apr) cannot be postponed under IID2SECURE's policy and is superseded by the notice
        assertThat(text).contains("您的数据分布在四个地区的服务器上").contains(LocalDate.parse("2025-06-03").format(chinese))
                .contains("EU GDPR");
        assertThat(rows.rows("SELECT action, detail FROM audit_event WHERE request_id = ? AND action = "
                + "'DEADLINE_EXTENDED'", id)).singleElement()
                .satisfies(r -> assertThat(r.get("detail").toString()).startsWith("from 2025-04-02 to 2025-06-03"));
        assertThat(rows.rows("SELECT kind FROM outbound_message WHERE request_id = ? ORDER BY id", id))
                .extracting(r -> r.get("kind")).containsExactly("ACKNOWLEDGEMENT", "EXTENSION_NOTICE");
    }

    @Test
    void onlyOperatorsMayExtendAndOnlyWithAReason() throws Exception {
        String id = submit("isocket", "FI", "en", "a@example.fi");
        assertThat(hub.http().postJson("/api/v1/admin/requests/" + id + "/extension", "{\"reason\": \"x\"}")
                .statusCode()).isEqualTo(401);
        HttpResponse<String> none = extend(id, "{}");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("\"field\":\"reason\"").contains("is required");
        assertThat(extend(id, "{\"reason\": \"busy\"}").body()).contains("at least 10 characters");
        assertThat(extend(id, "{\"reason\": \"<script>alert(1)</script> we are busy\"}").body())
                .contains("must not contain HTML");
        assertThat(extend(id, "{\"reason\": \"many systems to search\", \"until\": \"soon\"}").body())
                .contains("\"field\":\"until\"");
        assertThat(extend(id, "{\"reason\": \"many systems to search\", \"days\": 30}").body())
                .contains("\"field\":\"days\"").contains("is not a known field");
        assertThat(extend("00000000-0000-4000-8000-000000000000", "{\"reason\": \"many systems to search\"}")
                .statusCode()).isEqualTo(404);
        assertThat(rows.rows("SELECT 1 FROM audit_event WHERE request_id = ? AND action = 'DEADLINE_EXTENDED'", id))
                .isEmpty();
    }

    @Test
    void theLawDecidesWhetherAndUntilWhenADeadlineCanBeExtended() throws Exception {
        // LGPD has no extension
        String brazil = submit("isocket", "BR", "en", "b@example.br");
        HttpResponse<String> lgpd = extend(brazil, "{\"reason\": \"many systems to search\"}");
        assertThat(lgpd.statusCode()).isEqualTo(409);
        assertThat(error(lgpd)).isEqualTo("Brazil LGPD allows no extension for access");

        // GDPR: the operator may choose an earlier date than three months, not a later one
        String finland = submit("isocket", "FI", "en", "c@example.fi");
        HttpResponse<String> tooLate = extend(finland, "{\"reason\": \"many systems to search\", \"until\": \"2025-06-30\"}");
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(error(tooLate)).isEqualTo("until must not be after 2025-06-03, the latest date the rules allow");
        HttpResponse<String> granted = extend(finland, "{\"reason\": \"many systems to search\", \"until\": \"2025-05-15\"}");
        assertThat(granted.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(granted.body()).get("dueAt").asText()).isEqualTo("2025-05-15T20:59:59.999999Z");

        // once only
        HttpResponse<String> again = extend(finland, "{\"reason\": \"still many systems to search\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(error(again)).startsWith("the deadline was already extended on 2025-03-03");

        // not after the original deadline
        String late = submit("isocket", "FI", "en", "d@example.fi");
        CLOCK.set(Instant.parse("2025-04-04T08:00:00Z"));
        HttpResponse<String> passed = extend(late, "{\"reason\": \"many systems to search\"}");
        assertThat(passed.statusCode()).isEqualTo(409);
        assertThat(error(passed)).isEqualTo("the original deadline (2025-04-03) has passed; an extension must be "
                + "notified before it");
    }
}
