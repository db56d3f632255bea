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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A message whose handling fails every time is not retried forever and does not block the mailbox: the messages
 * after it are handled, and after dsr.mailbox.max-attempts failures it is moved to the quarantine folder and recorded
 * with the last error as the reason. The failure is real: the ledger (PostgreSQL) refuses the request it would create.
 */
class MailRetryLimitTest {

    @Test
    void messageThatAlwaysFailsIsQuarantinedAfterTheLastAttempt() throws Exception {
        try (TestDatabase database = TestDatabase.postgresql(); TestMailServer mail = new TestMailServer();
                HubInstance hub = SeedMailboxes.on(mail, HubInstance.builder().database(database))
                        .property("dsr.mailbox.max-attempts", "3").start()) {
            LedgerRows rows = new LedgerRows(database.dataSource());
            try (Connection c = DriverManager.getConnection(database.url(), database.username(), "");
                    Statement st = c.createStatement()) {
                st.execute("CREATE FUNCTION refuse_poison() RETURNS trigger AS $$ BEGIN "
                        + "IF NEW.details LIKE '%POISON-PILL%' THEN RAISE EXCEPTION 'the ledger refuses this request'; "
                        + "END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
                st.execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON subject_request FOR EACH ROW "
                        + "EXECUTE FUNCTION refuse_poison()");
            }
            MailboxProbe inbox = new MailboxProbe(mail.imapPort(), SeedMailboxes.ISMARTHOMEQ);
            send(mail, "<poison@example.com>", "Please delete my data. POISON-PILL");
            send(mail, "<healthy@example.com>", "Please delete my data.");

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> rows.count("inbound_message") == 2
                    && inbox.unseen("INBOX") == 0);

            Map<String, Object> poison = rows.rows("SELECT * FROM inbound_message WHERE message_id = ?",
                    "<poison@example.com>").get(0);
            assertThat(poison.get("outcome")).isEqualTo("QUARANTINED");
            assertThat((String) poison.get("reason")).contains("failed 3 times").contains("the ledger refuses this request");
            assertThat(poison.get("request_id")).isNull();
            assertThat(inbox.messageIds("DSR-Quarantine")).containsExactly("<poison@example.com>");
            assertThat(inbox.messageIds("INBOX")).containsExactly("<healthy@example.com>");
            assertThat(rows.rows("SELECT outcome FROM inbound_message WHERE message_id = ?", "<healthy@example.com>"))
                    .extracting(r -> r.get("outcome")).containsExactly("NEW_REQUEST");
            assertThat(rows.count("subject_request")).isEqualTo(1);
            assertThat(rows.count("mail_attempt")).isZero();
        }
    }

    private static void send(TestMailServer mail, String messageId, String text) {
        String eml = "From: Rosa Diaz <rosa.diaz@example.com>\nTo: " + SeedMailboxes.ISMARTHOMEQ + "\nSubject: Data\n"
                + "Message-ID: " + messageId + "\nDate: Mon, 3 Mar 2025 10:00:00 +0000\n\n" + text + "\n";
        RawSmtp.send(mail.smtpPort(), "rosa.diaz@example.com", SeedMailboxes.ISMARTHOMEQ,
                eml.getBytes(StandardCharsets.UTF_8));
    }
}
