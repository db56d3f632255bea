package io.dsrhub.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.deadline.escalation.DeadlineTrack;
import io.dsrhub.deadline.escalation.EscalationPass;
import io.dsrhub.deadline.escalation.EscalationStage;
import io.dsrhub.domain.Channel;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.domain.NewRequest;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.Requester;
import io.dsrhub.domain.RequesterKind;
import io.dsrhub.intake.RequestRegistrar;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acknowledgement deadlines (CCPA: 10 business days) are tracked like answer deadlines, until an acknowledgement
 * has been sent: a request the hub could not acknowledge by e-mail (it came by post, with a phone number only) is
 * reminded and then recorded as a breach; one whose acknowledgement went out is not.
 */
class AcknowledgementDeadlineTest {

    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2025-03-03T17:00:00Z"));
    private static TestDatabase database;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static LedgerRows rows;

    @BeforeAll
    static void start() {
        database = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = HubInstance.builder().database(database).mail(mail).bean("clock", CLOCK)
                .property("dsr.deadline.schedule", "0 0 0 1 1 ? 2099").start();
        rows = new LedgerRows(database.dataSource());
    }

    @AfterAll
    static void stop() {
        hub.close();
        mail.close();
        database.close();
    }

    private static List<Object> ackStages(String id) {
        return rows.rows("SELECT stage FROM deadline_notice WHERE request_id = ? AND track = 'ACKNOWLEDGEMENT' "
                + "ORDER BY noticed_at", id).stream().map(r -> r.get("stage")).toList();
    }

    @Test
    void anUnacknowledgedCaliforniaRequestIsRemindedThenRecordedAsABreach() throws Exception {
        // a postal request keyed in with a phone number only: no address to acknowledge to
        NewRequest postal = new NewRequest("ironzon", EnumSet.of(RequestType.ERASURE),
                List.of(Identity.raw(IdentityType.PHONE, "+1 415 555 0100")),
                new Requester(RequesterKind.SUBJECT, null, null), "US", "US-CA", "en", null, Channel.EMAIL,
                "test:postal-1", null, CLOCK.instant());
        String unacknowledged = hub.bean(RequestRegistrar.class).register(postal).request().id();
        var emailed = hub.http().postJson("/api/v1/requests", """
                {"controller": "ironzon", "types": ["erasure"], "jurisdiction": "US-CA",
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        String acknowledged = new ObjectMapper().readTree(emailed.body()).get("id").asText();
        Awaitility.await().until(() -> !rows.rows("SELECT 1 FROM outbound_message WHERE request_id = ? AND "
                + "kind = 'ACKNOWLEDGEMENT' AND status = 'SENT'", acknowledged).isEmpty());

        // s. 7021(a): 10 business days after Mon 3 Mar 2025 on the California calendar -> Mon 17 Mar
        var due = rows.rows("SELECT due_on, due_at FROM request_due_date WHERE request_id = ? AND kind = "
                + "'ACKNOWLEDGEMENT'", unacknowledged).get(0);
        assertThat(due.get("due_on").toString()).isEqualTo("2025-03-17");
        Instant ackDue = Instant.parse("2025-03-18T06:59:59.999999Z");

        EscalationPass pass = hub.bean(EscalationPass.class);
        CLOCK.set(ackDue.minus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        assertThat(pass.run().count(DeadlineTrack.ACKNOWLEDGEMENT, EscalationStage.REMINDER)).isEqualTo(1);
        assertThat(pass.run().count(DeadlineTrack.ACKNOWLEDGEMENT, EscalationStage.REMINDER)).isZero();
        CLOCK.set(ackDue.plus(Duration.ofHours(1)));
        assertThat(pass.run().count(DeadlineTrack.ACKNOWLEDGEMENT, EscalationStage.BREACH)).isEqualTo(1);

        assertThat(ackStages(unacknowledged)).containsExactly("REMINDER", "BREACH");
        assertThat(ackStages(acknowledged)).isEmpty();
        assertThat(rows.rows("SELECT action FROM audit_event WHERE request_id = ? AND action LIKE 'ACKNOWLEDGEMENT_%' "
                + "ORDER BY seq", unacknowledged)).extracting(r -> r.get("action"))
                .containsExactly("ACKNOWLEDGEMENT_REMINDER", "ACKNOWLEDGEMENT_BREACHED");
        Awaitility.await().until(() -> mail.messagesTo("support@ironzon.com").stream().anyMatch(m -> {
            try {
                return m.getSubject().endsWith("Reminder: acknowledgement due within 7 days");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }));
    }
}
