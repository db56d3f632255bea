package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reply the outbox gives up on (every attempt failed) is not silently lost: it is audited REPLY_UNDELIVERED and the
 * controller's privacy officer gets one message naming the request (never the subject's address), once.
 */
class UndeliveredReplyEscalationTest {

    @RegisterExtension
    static final ReplyHub hub = ReplyHub.on(TestDatabase.Kind.H2, "ironzon", """
                        request-types:
                          access: {action: export, categories: [user]}
                        """)
            .configure(b -> b
                    .property("dsr.outbox.max-attempts", "2")
                    .property("dsr.outbox.first-retry", "PT0.2S")
                    .property("dsr.reply.escalate-delay", "700"));

    @Test
    void aReplyThatCannotBeDeliveredIsEscalatedOnce() throws Exception {
        String id = hub.requests().submit("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        ReplyMails.await(hub.mail(), "pat@example.com", "We have received");
        hub.mail().stop();
        hub.requests().verify(id);
        hub.requests().awaitStatus(id, RequestStatus.COMPLETED);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> "FAILED"
                .equals(hub.rows().rows("SELECT status FROM outbound_message WHERE request_id = ? AND kind = 'REPLY'", id)
                        .stream().findFirst().map(r -> r.get("status")).orElse(null)));
        hub.mail().restart();

        MimeMessage escalation = ReplyMails.await(hub.mail(), "support@ironzon.com", "Reply could not be delivered");
        String reference = hub.requests().request(id).reference();
        assertThat(escalation.getSubject()).startsWith("[" + reference + "]");
        assertThat(ReplyMails.text(escalation)).contains("REPLY").contains("2 attempt(s)")
                .contains("/api/v1/admin/requests/" + id).doesNotContain("pat@example.com");
        assertThat(hub.rows().rows("SELECT detail FROM audit_event WHERE request_id = ? AND action = 'REPLY_UNDELIVERED'",
                id)).singleElement().satisfies(r -> assertThat((String) r.get("detail")).contains("after 2 attempts"));
        assertThat(hub.rows().rows("SELECT escalated_at FROM request_reply WHERE request_id = ?", id).get(0)
                .get("escalated_at")).isNotNull();
        // the escalation round runs again, but the reply is escalated only once
        assertThat(hub.bean(UndeliveredReplies.class).escalate()).isZero();
        assertThat(hub.rows().rows("SELECT id FROM outbound_message WHERE request_id = ? AND kind = 'REPLY_UNDELIVERED'",
                id)).hasSize(1);
    }
}
