package io.dsrhub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.MailboxProbe;
import io.dsrhub.testing.RawSmtp;
import io.dsrhub.testing.SeedMailboxes;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two hub instances polling the same mailboxes against one ledger never both take a message: every message becomes
 * one request with one acknowledgement, whichever instance fetched it first, because the message key is claimed
 * under a unique constraint in the transaction that records it.
 */
class SharedMailboxTest {

    @Test
    void twoInstancesOnOneMailboxTakeEachMessageOnce() {
        try (TestDatabase database = TestDatabase.postgresql(); TestMailServer mail = new TestMailServer()) {
            LedgerRows rows = new LedgerRows(database.dataSource());
            try (HubInstance first = SeedMailboxes.on(mail, HubInstance.builder().database(database).property("dsr.verification.challenge-new-requests", "false")).start();
                    HubInstance second = SeedMailboxes.on(mail, HubInstance.builder().database(database).property("dsr.verification.challenge-new-requests", "false")).start()) {
                int messages = 30;
                for (int i = 0; i < messages; i++) {
                    String mailbox = i % 3 == 0 ? SeedMailboxes.IKOTEK : SeedMailboxes.IRONZON;
                    String eml = "From: Person " + i + " <person" + i + "@example.com>\n"
                            + "To: " + mailbox + "\nSubject: Access request " + i + "\n"
                            + "Message-ID: <shared-" + i + "@example.com>\nDate: Mon, 3 Mar 2025 10:00:00 +0000\n\n"
                            + "Hello, I would like to access the personal data you hold about me.\n";
                    RawSmtp.send(mail.smtpPort(), "person" + i + "@example.com", mailbox,
                            eml.getBytes(StandardCharsets.UTF_8));
                }
                Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> rows.count("inbound_message") == messages
                        && new MailboxProbe(mail.imapPort(), SeedMailboxes.IRONZON).unseen("INBOX") == 0
                        && new MailboxProbe(mail.imapPort(), SeedMailboxes.IKOTEK).unseen("INBOX") == 0);
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> rows.rows(
                        "SELECT id FROM outbound_message WHERE status = 'SENT'").size() == messages);

                assertThat(rows.count("subject_request")).isEqualTo(messages);
                assertThat(rows.count("outbound_message")).isEqualTo(messages);
                List<Map<String, Object>> answered = rows.rows(
                        "SELECT in_reply_to, COUNT(*) AS n FROM outbound_message GROUP BY in_reply_to");
                assertThat(answered).hasSize(messages).allSatisfy(r -> assertThat(((Number) r.get("n")).intValue()).isOne());
                for (int i = 0; i < messages; i++) {
                    assertThat(mail.messagesTo("person" + i + "@example.com")).as("acknowledgements to person " + i)
                            .hasSize(1);
                }
            }
        }
    }
}
