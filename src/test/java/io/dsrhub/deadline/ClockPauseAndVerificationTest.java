package io.dsrhub.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.deadline.escalation.EscalationPass;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calls that move a clock, made the way the verification flow and operators make them: verification recounts
 * the dates that run from it; a pause stops the clock where the regime allows it (and the days it lasts are added);
 * a regime that does not stop the clock refuses.
 */
class ClockPauseAndVerificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2025-06-02T09:00:00Z"));
    private static TestDatabase database;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static LedgerRows rows;
    private static DeadlineEngine engine;

    @BeforeAll
    static void start() {
        database = TestDatabase.h2();
        mail = new TestMailServer();
        hub = HubInstance.builder().database(database).mail(mail).bean("clock", CLOCK)
                .property("dsr.verification.challenge-new-requests", "false")
                .property("dsr.deadline.schedule", "0 0 0 1 1 ? 2099").start();
        rows = new LedgerRows(database.dataSource());
        engine = hub.bean(DeadlineEngine.class);
    }

    @AfterAll
    static void stop() {
        hub.close();
        mail.close();
        database.close();
    }

    @BeforeEach
    void morning() {
        CLOCK.set(Instant.parse("2025-06-02T09:00:00Z"));
    }

    private static String submit(String controller, String jurisdiction, String language) throws Exception {
        HttpResponse<String> response = hub.http().postJson("/api/v1/requests", """
                {"controller": "%s", "types": ["erasure"], "jurisdiction": "%s", "language": "%s",
                 "identities": [{"type": "email", "value": "subject@example.org"}]}"""
                .formatted(controller, jurisdiction, language));
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private static Instant dueAt(String id) {
        return hub.bean(RequestLedger.class).find(id).orElseThrow().dueAt();
    }

    private static long audits(String id, String action) {
        return rows.rows("SELECT 1 FROM audit_event WHERE request_id = ? AND action = ?", id, action).size();
    }

    private static HttpResponse<String> operator(String path, String body) {
        return hub.http().postJson(path, body, "Authorization", "Bearer " + HubInstance.ADMIN_TOKEN,
                "X-Operator", "Ann Operator");
    }

    @Test
    void verificationRecountsTheDatesThatRunFromVerification() throws Exception {
        // a Chinese controller: its 30 days and PIPL's 15 working days run from verification (deadlines.md case 15)
        CLOCK.set(Instant.parse("2025-09-20T02:00:00Z"));
        String id = submit("iid2secure", "CN", "zh");
        // until verified, counted from receipt on Sat 20 Sep: 15 working days on the State Council calendar
        assertThat(dueAt(id)).isEqualTo(Instant.parse("2025-10-16T15:59:59.999999Z"));

        RequestClock clock = engine.verified(id, Instant.parse("2025-09-28T02:00:00Z"));
        assertThat(clock.date(DueDateKind.PROMISE).orElseThrow().dueOn()).isEqualTo(DeadlineFixtures.d("2025-10-28"));
        assertThat(clock.date(DueDateKind.STATUTORY).orElseThrow().dueOn()).isEqualTo(DeadlineFixtures.d("2025-10-24"));
        assertThat(dueAt(id)).isEqualTo(Instant.parse("2025-10-24T15:59:59.999999Z"));
        assertThat(rows.rows("SELECT rule FROM request_due_date WHERE request_id = ? AND kind = 'PROMISE'", id).get(0)
                .get("rule").toString()).contains("identity verification on 2025-09-28");
        assertThat(audits(id, "CLOCK_VERIFIED")).isEqualTo(1);

        // a second verification changes nothing
        engine.verified(id, Instant.parse("2025-10-02T02:00:00Z"));
        assertThat(dueAt(id)).isEqualTo(Instant.parse("2025-10-24T15:59:59.999999Z"));
        assertThat(audits(id, "CLOCK_VERIFIED")).isEqualTo(1);
    }

    @Test
    void aUkClarificationStopsTheClockForTheDaysItLasts() throws Exception {
        String id = submit("isocket", "GB", "en");
        assertThat(dueAt(id)).isEqualTo(Instant.parse("2025-07-02T20:59:59.999999Z"));

        CLOCK.set(Instant.parse("2025-06-04T09:00:00Z"));
        ClockChange paused = engine.pause(id, CLOCK.instant(), "operator:ann", "asked which of two accounts");
        assertThat(paused.isMade()).isTrue();
        assertThat(dueAt(id)).isEqualTo(Instant.parse("2025-07-03T20:59:59.999999Z"));

        // the schedule keeps a paused clock's dates moving with the days
        CLOCK.set(Instant.parse("2025-06-10T09:00:00Z"));
        assertThat(hub.bean(EscalationPass.class).run().pausedClocks()).isEqualTo(1);
        assertThat(dueAt(id)).isEqualTo(Instant.parse("2025-07-09T20:59:59.999999Z"));

        ClockChange resumed = engine.resume(id, CLOCK.instant(), "operator:ann");
        assertThat(resumed.isMade()).isTrue();
        // 4 to 10 June: 7 days; both the UK date and the controller's one-month promise stand still (case 9)
        assertThat(resumed.clock().date(DueDateKind.STATUTORY).orElseThrow().dueOn()).isEqualTo(DeadlineFixtures.d("2025-07-09"));
        assertThat(resumed.clock().date(DueDateKind.PROMISE).orElseThrow().rule()).contains("+7 paused days");
        CLOCK.set(Instant.parse("2025-06-20T09:00:00Z"));
        hub.bean(EscalationPass.class).run();
        assertThat(dueAt(id)).isEqualTo(Instant.parse("2025-07-09T20:59:59.999999Z"));

        assertThat(engine.resume(id, CLOCK.instant(), "operator:ann").refusal()).isEqualTo("the clock is not paused");
        assertThat(audits(id, "CLOCK_PAUSED")).isEqualTo(1);
        assertThat(audits(id, "CLOCK_RESUMED")).isEqualTo(1);
    }

    @Test
    void aRegimeThatDoesNotStopTheClockRefusesAPause() throws Exception {
        String id = submit("isocket", "FI", "fi");
        ClockChange refused = engine.pause(id, CLOCK.instant(), "verification", "waiting for the order number");
        assertThat(refused.refusal()).isEqualTo("EU GDPR does not stop the clock; the deadline keeps running");
        assertThat(rows.rows("SELECT 1 FROM request_pause WHERE request_id = ?", id)).isEmpty();
        assertThat(dueAt(id)).isEqualTo(Instant.parse("2025-07-02T20:59:59.999999Z"));
    }

    @Test
    void operatorsPauseAndResumeThroughTheApi() throws Exception {
        String uk = submit("isocket", "GB", "en");
        String eu = submit("isocket", "FI", "en");
        String base = "/api/v1/admin/requests/";

        assertThat(hub.http().postJson(base + uk + "/pause", "{\"reason\": \"asked which account\"}").statusCode())
                .isEqualTo(401);
        HttpResponse<String> noReason = operator(base + uk + "/pause", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");

        HttpResponse<String> pause = operator(base + uk + "/pause", "{\"reason\": \"asked which of two accounts\"}");
        assertThat(pause.statusCode()).isEqualTo(200);
        JsonNode clock = JSON.readTree(pause.body()).get("clock");
        assertThat(clock.get("paused").asBoolean()).isTrue();
        assertThat(clock.get("pauses").get(0).get("by").asText()).isEqualTo("operator:Ann Operator");
        assertThat(operator(base + uk + "/pause", "{\"reason\": \"asked which of two accounts\"}").statusCode())
                .isEqualTo(409);

        HttpResponse<String> resume = operator(base + uk + "/resume", "");
        assertThat(resume.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(resume.body()).get("clock").get("paused").asBoolean()).isFalse();

        HttpResponse<String> refused = operator(base + eu + "/pause", "{\"reason\": \"waiting for the order number\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("EU GDPR does not stop the clock");
        assertThat(operator(base + "00000000-0000-4000-8000-000000000000/pause", "{\"reason\": \"nobody home\"}")
                .statusCode()).isEqualTo(404);
    }
}
