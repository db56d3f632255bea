package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.RawSmtp;
import io.dsrhub.testing.SeedMailboxes;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request that came by e-mail is challenged like any other, and the subject can answer by replying to the code
 * mail with the code: the reply (on the thread, from the request's address) verifies the request, and the record of
 * the reply keeps its text without the code. A reply with a wrong code counts as an attempt.
 */
class ReplyWithCodeVerificationTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
            .configure((b, mail) -> SeedMailboxes.on(mail, b).property("dsr.mailbox.poll-delay", "300"));

    @Test
    void replyingWithTheCodeVerifiesTheRequest() throws Exception {
        send("sam@example.com", "<erase-sam-1@example.com>", "Delete my data",
                "Hello, please delete all my personal data. Regards, Sam", null);
        MimeMessage codeMail = new VerificationMailbox(hub.mail()).await("sam@example.com", 1).get(0);
        String id = requestOf("<erase-sam-1@example.com>");
        TestRequests requests = new TestRequests(hub.instance());
        assertThat(requests.request(id).status()).isEqualTo(RequestStatus.AWAITING_VERIFICATION);
        String code = VerificationMailbox.code(codeMail);
        String wrong = code.equals("1111-2222") ? "3333-4444" : "1111-2222";

        send("sam@example.com", "<erase-sam-wrong@example.com>", "Re: " + VerificationMailbox.subject(codeMail),
                "Here it is: " + wrong + "\n", codeMail.getMessageID());
        awaitInbound("<erase-sam-wrong@example.com>");
        assertThat(reasonOf("<erase-sam-wrong@example.com>")).isEqualTo("wrong verification code (4 attempts left)");
        assertThat(requests.request(id).status()).isEqualTo(RequestStatus.AWAITING_VERIFICATION);

        send("sam@example.com", "<erase-sam-2@example.com>", "Re: " + VerificationMailbox.subject(codeMail),
                "My code is " + code + "\n\nSam\n\n> " + VerificationMailbox.text(codeMail).replace("\n", "\n> "),
                codeMail.getMessageID());
        requests.awaitStatus(id, RequestStatus.VERIFIED, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED,
                RequestStatus.PARTIALLY_COMPLETED);
        awaitInbound("<erase-sam-2@example.com>");
        assertThat(reasonOf("<erase-sam-2@example.com>")).startsWith("verification code accepted");
        Map<String, Object> inbound = hub.rows().rows("SELECT body_text FROM inbound_message WHERE message_id = ?",
                "<erase-sam-2@example.com>").get(0);
        assertThat((String) inbound.get("body_text")).contains("My code is [code removed]").doesNotContain(code);
        assertThat(hub.rows().rows("SELECT action, detail FROM audit_event WHERE request_id = ? AND action = "
                + "'VERIFICATION_CODE_ACCEPTED'", id)).hasSize(1);
    }

    @Test
    void aStrangerQuotingTheReferenceCannotVerify() {
        send("dana@example.org", "<erase-dana-1@example.org>", "Delete my data",
                "Please delete all my personal data.", null);
        MimeMessage codeMail = new VerificationMailbox(hub.mail()).await("dana@example.org", 1).get(0);
        String id = requestOf("<erase-dana-1@example.org>");
        String reference = new TestRequests(hub.instance()).request(id).reference();

        send("mallory@example.net", "<mallory-1@example.net>", "About [" + reference + "]",
                "The code is " + VerificationMailbox.code(codeMail), null);
        awaitInbound("<mallory-1@example.net>");

        assertThat(reasonOf("<mallory-1@example.net>")).startsWith("not applied");
        assertThat(new TestRequests(hub.instance()).request(id).status())
                .isEqualTo(RequestStatus.AWAITING_VERIFICATION);
    }

    private static void send(String from, String messageId, String subject, String text, String inReplyTo) {
        String eml = "From: " + from + "\nTo: " + SeedMailboxes.IRONZON + "\nSubject: " + subject + "\nMessage-ID: "
                + messageId + "\n" + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\nReferences: "
                + inReplyTo + "\n") + "Date: Mon, 3 Mar 2025 10:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
                + text + "\n";
        RawSmtp.send(hub.mail().smtpPort(), from, SeedMailboxes.IRONZON, eml.getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitInbound(String messageId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !hub.rows().rows(
                "SELECT id FROM inbound_message WHERE message_id = ? AND outcome <> 'TAKING'", messageId).isEmpty());
    }

    private static String requestOf(String messageId) {
        awaitInbound(messageId);
        List<Map<String, Object>> found = hub.rows().rows("SELECT request_id FROM inbound_message WHERE message_id = ?",
                messageId);
        return (String) found.get(0).get("request_id");
    }

    private static String reasonOf(String messageId) {
        return (String) hub.rows().rows("SELECT reason FROM inbound_message WHERE message_id = ?", messageId).get(0)
                .get("reason");
    }
}
