package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mail server goes down just before a request is answered: the reply waits in the outbox, every failed attempt is
 * recorded and retried with back-off, and when the server is back the reply is delivered once, its link works, and
 * the audit trail shows it queued, then sent.
 */
class ReplyDuringSmtpOutageTest {

    @RegisterExtension
    static final ReplyHub hub = ReplyHub.on(TestDatabase.Kind.POSTGRESQL, "ironzon", """
                        request-types:
                          access: {action: export, categories: [user]}
                        """)
            .configure(b -> b
                    .property("dsr.outbox.first-retry", "PT0.2S"));

    @Test
    void theReplyWaitsForTheMailServerAndIsDeliveredOnce() throws Exception {
        String id = hub.requests().submit("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        ReplyMails.await(hub.mail(), "pat@example.com", "We have received");
        hub.mail().stop();

        hub.requests().verify(id);
        hub.requests().awaitStatus(id, RequestStatus.COMPLETED);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> reply = reply(id);
            return !reply.isEmpty() && "PENDING".equals(reply.get(0).get("status"))
                    && ((Number) reply.get(0).get("attempts")).intValue() >= 2 && reply.get(0).get("last_error") != null;
        });

        hub.mail().restart();
        String body = ReplyMails.text(ReplyMails.await(hub.mail(), "pat@example.com", "Your privacy request is complete"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(reply(id).get(0).get("status")));
        assertThat(hub.mail().messagesTo("pat@example.com").stream().map(ReplyMails::subjectOf)
                .filter(s -> s.contains("complete"))).hasSize(1);
        assertThat(ReplyMails.download(ReplyMails.link(body)).statusCode()).isEqualTo(200);
        long outbound = ((Number) reply(id).get(0).get("id")).longValue();
        assertThat(hub.rows().rows("SELECT action, detail FROM audit_event WHERE request_id = ? AND (action = "
                + "'REPLY_QUEUED' OR detail LIKE 'REPLY %') ORDER BY seq", id))
                .extracting(r -> (String) r.get("action"))
                .containsExactly("MESSAGE_QUEUED", "REPLY_QUEUED", "MESSAGE_SENT");
        assertThat(hub.rows().rows("SELECT outbound_id FROM request_reply WHERE request_id = ?", id).get(0)
                .get("outbound_id")).isEqualTo(outbound);
    }

    private static List<Map<String, Object>> reply(String id) {
        return hub.rows().rows("SELECT id, status, attempts, last_error FROM outbound_message WHERE request_id = ? "
                + "AND kind = 'REPLY'", id);
    }
}
