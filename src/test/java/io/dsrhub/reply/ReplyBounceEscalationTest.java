package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.RawSmtp;
import io.dsrhub.testing.SeedMailboxes;
import io.dsrhub.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reply is accepted by the mail server but bounces later: the delivery report comes back to IRONZON's mailbox,
 * quoting the reply's Message-ID. Mail intake keeps it on the request (never a new request), and the reply is
 * escalated once to the privacy officer (REPLY_BOUNCED), without the subject's address.
 */
class ReplyBounceEscalationTest {

    @RegisterExtension
    static final ReplyHub hub = ReplyHub.on(TestDatabase.Kind.H2, "ironzon", """
                        request-types:
                          access: {action: export, categories: [user]}
                        """)
            .withSeedMailboxes()
            .configure(b -> b
                    .property("dsr.reply.escalate-delay", "300"));

    @Test
    void aBouncedReplyIsEscalatedOnce() throws Exception {
        String id = hub.requests().submitVerified("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        hub.requests().awaitStatus(id, RequestStatus.COMPLETED);
        MimeMessage reply = ReplyMails.await(hub.mail(), "pat@example.com", "Your privacy request is complete");
        String replyId = (String) hub.rows().rows("SELECT message_id FROM outbound_message WHERE request_id = ? AND kind = "
                + "'REPLY'", id).get(0).get("message_id");

        String bounce = "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\nTo: " + SeedMailboxes.IRONZON
                + "\nSubject: Undelivered Mail Returned to Sender\nMessage-ID: <bounce-1@mx.example.com>\n"
                + "X-Failed-Recipients: pat@example.com\nDate: Mon, 3 Mar 2025 10:00:00 +0000\n"
                + "Content-Type: text/plain; charset=utf-8\n\n"
                + "This is the mail system at host mx.example.com.\n\nI'm sorry to have to inform you that your "
                + "message could not be delivered: mailbox full.\n\n--- original message headers ---\n"
                + "Message-ID: " + replyId + "\nSubject: " + ReplyMails.subjectOf(reply) + "\n";
        RawSmtp.send(hub.mail().smtpPort(), "MAILER-DAEMON@mx.example.com", SeedMailboxes.IRONZON, bounce.getBytes(StandardCharsets.UTF_8));

        MimeMessage escalation = ReplyMails.await(hub.mail(), "support@ironzon.com", "Reply could not be delivered");
        assertThat(escalation.getSubject()).startsWith("[" + hub.requests().request(id).reference() + "]");
        assertThat(ReplyMails.text(escalation)).contains("bounced").doesNotContain("pat@example.com");
        assertThat(hub.rows().rows("SELECT detail FROM audit_event WHERE request_id = ? AND action = 'REPLY_BOUNCED'", id))
                .singleElement().satisfies(r -> assertThat((String) r.get("detail")).contains("REPLY message")
                        .contains("delivery failure (X-Failed-Recipients)"));
        assertThat(hub.rows().rows("SELECT COUNT(*) AS n FROM subject_request", new Object[0]).get(0).get("n"))
                .isEqualTo(1L);
        assertThat(hub.bean(UndeliveredReplies.class).escalate()).isZero();
    }
}
