package io.dsrhub.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the mail server is down, acknowledgements wait in the outbox and go out once it is back; none is lost. */
class OutboxRetryTest {

    private TestDatabase database;
    private TestMailServer mail;
    private HubInstance hub;

    @AfterEach
    void stop() {
        hub.close();
        mail.close();
        database.close();
    }

    private String submit(String address) throws Exception {
        return new ObjectMapper().readTree(hub.http().postJson("/api/v1/requests", """
                {"controller": "isocket", "types": ["access"], "identities": [{"type": "email", "value": "%s"}]}"""
                .formatted(address)).body()).get("id").asText();
    }

    @Test
    void anAcknowledgementSurvivesAnSmtpOutage() throws Exception {
        database = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = HubInstance.builder().database(database).property("dsr.verification.challenge-new-requests", "false").mail(mail).start();
        LedgerRows rows = new LedgerRows(database.dataSource());
        mail.stop();

        String id = submit("outage@example.fi");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            Map<String, Object> m = rows.rows("SELECT status, attempts, last_error FROM outbound_message WHERE request_id = ?", id).get(0);
            return "PENDING".equals(m.get("status")) && ((Number) m.get("attempts")).intValue() >= 2 && m.get("last_error") != null;
        });

        mail.restart();
        mail.awaitMessagesTo("outage@example.fi", 1);
        Awaitility.await().until(() -> "SENT".equals(
                rows.rows("SELECT status FROM outbound_message WHERE request_id = ?", id).get(0).get("status")));
        assertThat(rows.rows("SELECT action FROM audit_event WHERE request_id = ? ORDER BY seq", id))
                .extracting(r -> r.get("action")).containsExactly("RECEIVED", "MESSAGE_QUEUED", "MESSAGE_SENT");
    }

    @Test
    void afterTheLastAttemptTheMessageIsMarkedFailedAndAudited() throws Exception {
        database = TestDatabase.h2();
        mail = new TestMailServer();
        hub = HubInstance.builder().database(database).property("dsr.verification.challenge-new-requests", "false").mail(mail).property("dsr.outbox.max-attempts", "2").start();
        LedgerRows rows = new LedgerRows(database.dataSource());
        mail.stop();

        String id = submit("gone@example.fi");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(
                rows.rows("SELECT status FROM outbound_message WHERE request_id = ?", id).get(0).get("status")));
        assertThat(rows.rows("SELECT attempts FROM outbound_message WHERE request_id = ?", id).get(0).get("attempts"))
                .isEqualTo(2);
        assertThat(rows.rows("SELECT detail FROM audit_event WHERE request_id = ? AND action = 'MESSAGE_FAILED'", id))
                .singleElement().satisfies(r -> assertThat((String) r.get("detail")).contains("after 2 attempts"));
        assertThat(hub.http().get("/observe/metrics").body()).contains("dsr_outbox_messages{status=\"FAILED\"}");
    }
}
