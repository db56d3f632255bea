package io.dsrhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A JSON submission becomes a request in the ledger, with its audit trail, and the requester is acknowledged. */
class ApiSubmissionTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
            .configure(b -> b.property("dsr.verification.challenge-new-requests", "false"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void submissionIsRecordedWithItsIdentitiesDatesAndAuditEvent() throws Exception {
        HttpResponse<String> response = hub.http().postJson("/api/v1/requests", """
                {"controller": "isocket", "types": ["access", "erasure"],
                 "identities": [{"type": "email", "value": "Aino.Virtanen@Example.FI"},
                                {"type": "order-number", "value": "ES-20231"}],
                 "country": "FI", "language": "fi", "requester": {"name": "Aino Virtanen"},
                 "details": "Please send me everything you hold."}""");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        String id = body.get("id").asText();
        assertThat(body.get("reference").asText()).matches("DSR-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(body.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(body.get("dueDates").get(0).get("kind").asText()).isEqualTo("PROMISE");
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/requests/" + id);

        List<Map<String, Object>> request = hub.rows().rows("SELECT * FROM subject_request WHERE id = ?", id);
        assertThat(request).hasSize(1);
        assertThat(request.get(0)).containsEntry("controller_id", "isocket").containsEntry("status", "RECEIVED")
                .containsEntry("channel", "API").containsEntry("language", "fi")
                .containsEntry("reply_to", "aino.virtanen@example.fi");
        assertThat(hub.rows().rows("SELECT type FROM request_type WHERE request_id = ? ORDER BY type", id))
                .extracting(r -> r.get("type")).containsExactly("ACCESS", "ERASURE");
        assertThat(hub.rows().rows("SELECT identity_type, identity_value FROM request_identity WHERE request_id = ? "
                + "ORDER BY identity_type", id))
                .extracting(r -> r.get("identity_type") + "=" + r.get("identity_value"))
                .containsExactly("EMAIL=aino.virtanen@example.fi", "ORDER_NUMBER=ES-20231");
        assertThat(hub.rows().rows("SELECT kind, rule FROM request_due_date WHERE request_id = ?", id))
                .extracting(r -> r.get("kind")).containsExactlyInAnyOrder("PROMISE", "STATUTORY", "EXTENSION_NOTICE");

        List<Map<String, Object>> audit = hub.rows().rows(
                "SELECT seq, action, from_status, to_status, prev_hash FROM audit_event WHERE request_id = ? ORDER BY seq", id);
        assertThat(audit.get(0)).containsEntry("action", "RECEIVED").containsEntry("to_status", "RECEIVED");
        assertThat(audit.get(0).get("prev_hash")).isNull();
        assertThat(audit).extracting(r -> r.get("action")).contains("MESSAGE_QUEUED");
        assertThat(hub.bean(AuditTrail.class).firstBrokenLink(id)).isZero();
    }

    @Test
    void acknowledgementIsSentFromTheControllerInTheSubjectsLanguage() throws Exception {
        HttpResponse<String> response = hub.http().postJson("/api/v1/requests", """
                {"controller": "iid2secure", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "li.wei@example.cn"}], "language": "zh"}""");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());

        MimeMessage ack = hub.mail().awaitMessagesTo("li.wei@example.cn", 1).get(0);
        assertThat(ack.getFrom()[0].toString()).isEqualTo("technical-support@iid2secure.nl");
        assertThat(ack.getSubject()).startsWith("[" + body.get("reference").asText() + "]").contains("个人信息请求");
        String text = (String) ack.getContent();
        assertThat(text).contains(body.get("reference").asText()).contains("删除我的个人信息")
                .contains("/status/" + body.get("id").asText() + "?token=" + body.get("statusToken").asText());
        assertThat(ack.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(ack.getMessageID()).endsWith("@iid2secure.nl>");

        String id = body.get("id").asText();
        org.awaitility.Awaitility.await().until(() -> !hub.rows().rows(
                "SELECT 1 FROM audit_event WHERE request_id = ? AND action = 'MESSAGE_SENT'", id).isEmpty());
        assertThat(hub.rows().rows("SELECT status, message_id FROM outbound_message WHERE request_id = ?", id))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("status")).isEqualTo("SENT");
                    assertThat(r.get("message_id")).isEqualTo(ack.getMessageID());
                });
    }

    @Test
    void acknowledgementStatesTheDateOfThePromise() throws Exception {
        HttpResponse<String> response = hub.http().postJson("/api/v1/requests", """
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "sam@example.com"}]}""");
        JsonNode body = JSON.readTree(response.body());
        String dueOn = body.get("dueDates").get(0).get("dueOn").asText();
        java.time.LocalDate due = java.time.LocalDate.parse(dueOn);
        String expected = due.format(java.time.format.DateTimeFormatter.ofLocalizedDate(
                java.time.format.FormatStyle.LONG).withLocale(java.util.Locale.ENGLISH));

        String text = (String) hub.mail().awaitMessagesTo("sam@example.com", 1).get(0).getContent();
        assertThat(text).contains("We will answer by " + expected);
    }
}
