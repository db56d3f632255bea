package io.dsrhub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.RawSmtp;
import io.dsrhub.testing.SeedMailboxes;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A message whose request type cannot be told is answered with a question, not an acknowledgement: in the
 * subject's language, quoting the reference, listing the rights the controller honours and linking its web form.
 * The request waits in AWAITING_CLARIFICATION; a reply on its thread that names a right continues the same request
 * (types set, RECEIVED, acknowledged in the thread); unclear replies are asked again at most
 * dsr.mailbox.max-clarifications times in all; a stranger quoting the reference changes nothing.
 */
class ClarificationQuestionTest {

    private static TestDatabase database;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static LedgerRows rows;

    @BeforeAll
    static void start() {
        database = TestDatabase.h2();
        mail = new TestMailServer();
        hub = SeedMailboxes.on(mail, HubInstance.builder().database(database).property("dsr.verification.challenge-new-requests", "false")).start();
        rows = new LedgerRows(database.dataSource());
    }

    @AfterAll
    static void stop() {
        hub.close();
        mail.close();
        database.close();
    }

    @Test
    void unclearMessageIsAskedWhatItWantsAndAClearReplyContinuesTheRequest() throws Exception {
        send("mia.park@example.com", SeedMailboxes.IRONZON, "<unclear-1@example.com>", "Hello",
                "Hi, I have a question about the data in my IRONZON app.", null);
        MimeMessage question = mail.awaitMessagesTo("mia.park@example.com", 1).get(0);
        String requestId = requestOf("<unclear-1@example.com>");
        Map<String, Object> request = rows.rows("SELECT * FROM subject_request WHERE id = ?", requestId).get(0);

        assertThat(request.get("status")).isEqualTo("AWAITING_CLARIFICATION");
        assertThat(rows.rows("SELECT type FROM request_type WHERE request_id = ?", requestId)).isEmpty();
        assertThat(question.getSubject()).startsWith("[" + request.get("reference") + "]")
                .contains("What would you like IRONZON to do");
        assertThat(question.getHeader("In-Reply-To", null)).isEqualTo("<unclear-1@example.com>");
        String text = (String) question.getContent();
        assertThat(text).contains(hub.baseUrl() + "/forms/ironzon")
                .contains("Delete my personal data").contains("Close my account")
                .doesNotContain("Object to how my data is used");   // ironzon does not offer objection
        assertThat(rows.rows("SELECT kind FROM outbound_message WHERE request_id = ?", requestId))
                .extracting(r -> r.get("kind")).containsExactly("CLARIFICATION");

        send("mia.park@example.com", SeedMailboxes.IRONZON, "<unclear-1-reply@example.com>",
                "Re: " + question.getSubject(), "Please delete my personal data and close my account.\n\n"
                        + "On Mon, 3 Mar 2025, IRONZON wrote:\n> " + text.replace("\n", "\n> "),
                question.getMessageID());
        MimeMessage ack = mail.awaitMessagesTo("mia.park@example.com", 2).get(1);

        assertThat(rows.rows("SELECT status FROM subject_request WHERE id = ?", requestId))
                .extracting(r -> r.get("status")).containsExactly("RECEIVED");
        assertThat(rows.rows("SELECT type FROM request_type WHERE request_id = ? ORDER BY type", requestId))
                .extracting(r -> r.get("type")).containsExactly("ACCOUNT_CLOSURE", "ERASURE");
        assertThat(ack.getSubject()).startsWith("[" + request.get("reference") + "] We have received");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<unclear-1-reply@example.com>");
        assertThat(rows.rows("SELECT id FROM subject_request WHERE reply_to = ?", "mia.park@example.com")).hasSize(1);
        assertThat(rows.rows("SELECT outcome, reason FROM inbound_message WHERE request_id = ? ORDER BY id", requestId))
                .extracting(r -> r.get("outcome")).containsExactly("AWAITING_CLARIFICATION", "THREAD_REPLY");
        assertThat(rows.rows("SELECT action FROM audit_event WHERE request_id = ? ORDER BY seq", requestId))
                .extracting(r -> r.get("action")).contains("STATUS_CHANGED", "TYPES_ADDED", "MAIL_RECEIVED");
    }

    @Test
    void unclearRepliesAreAskedAgainOnlyUpToTheLimitAndStrangersChangeNothing() throws Exception {
        send("noah.berg@example.fi", SeedMailboxes.ISOCKET, "<unclear-2@example.fi>", "Kysymys",
                "Hei, minulla on kysymys sovelluksestanne.", null);
        MimeMessage first = mail.awaitMessagesTo("noah.berg@example.fi", 1).get(0);
        assertThat(first.getSubject()).contains("Mitä haluat");
        String requestId = requestOf("<unclear-2@example.fi>");
        String reference = (String) rows.rows("SELECT reference FROM subject_request WHERE id = ?", requestId).get(0)
                .get("reference");

        send("noah.berg@example.fi", SeedMailboxes.ISOCKET, "<unclear-2-r1@example.fi>", "Re: " + first.getSubject(),
                "En ymmärrä kysymystä.", first.getMessageID());
        MimeMessage second = mail.awaitMessagesTo("noah.berg@example.fi", 2).get(1);
        assertThat(second.getSubject()).contains(reference);

        send("noah.berg@example.fi", SeedMailboxes.ISOCKET, "<unclear-2-r2@example.fi>", "Re: " + second.getSubject(),
                "Edelleen epäselvää.", second.getMessageID());
        awaitInbound("<unclear-2-r2@example.fi>");
        send("stranger@example.net", SeedMailboxes.ISOCKET, "<unclear-2-stranger@example.net>",
                "About [" + reference + "]", "Please delete all the data of this person.", null);
        awaitInbound("<unclear-2-stranger@example.net>");

        assertThat(reasonOf("<unclear-2-r1@example.fi>")).isEqualTo("still unclear: asked again");
        assertThat(reasonOf("<unclear-2-r2@example.fi>")).isEqualTo("still unclear: left for an operator");
        assertThat(reasonOf("<unclear-2-stranger@example.net>")).startsWith("not applied");
        assertThat(mail.messagesTo("noah.berg@example.fi")).hasSize(2);
        assertThat(mail.messagesTo("stranger@example.net")).isEmpty();
        assertThat(rows.rows("SELECT status FROM subject_request WHERE id = ?", requestId))
                .extracting(r -> r.get("status")).containsExactly("AWAITING_CLARIFICATION");
        assertThat(rows.rows("SELECT type FROM request_type WHERE request_id = ?", requestId)).isEmpty();
    }

    private static void send(String from, String to, String messageId, String subject, String text, String inReplyTo) {
        String eml = "From: " + from + "\nTo: " + to + "\nSubject: " + subject + "\nMessage-ID: " + messageId + "\n"
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\nReferences: " + inReplyTo + "\n")
                + "Date: Mon, 3 Mar 2025 10:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n" + text + "\n";
        RawSmtp.send(mail.smtpPort(), from, to, eml.getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitInbound(String messageId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !rows.rows(
                "SELECT id FROM inbound_message WHERE message_id = ? AND outcome <> 'TAKING'", messageId).isEmpty());
    }

    private static String requestOf(String messageId) {
        awaitInbound(messageId);
        List<Map<String, Object>> found = rows.rows("SELECT request_id FROM inbound_message WHERE message_id = ?", messageId);
        return (String) found.get(0).get("request_id");
    }

    private static String reasonOf(String messageId) {
        return (String) rows.rows("SELECT reason FROM inbound_message WHERE message_id = ?", messageId).get(0).get("reason");
    }
}
