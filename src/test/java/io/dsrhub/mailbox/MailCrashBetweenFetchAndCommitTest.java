package io.dsrhub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.HubProcess;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.MailboxProbe;
import io.dsrhub.testing.RawSmtp;
import io.dsrhub.testing.SeedMailboxes;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A hub killed (SIGKILL) after it fetched a message and before it committed it loses nothing and repeats nothing: the
 * message stays unread in the mailbox, and the hub that starts next turns it into exactly one request with exactly
 * one acknowledgement. The kill is timed by holding a lock on the inbound-message table, so that the hub is known to
 * be inside its handling of the fetched message when it dies.
 */
class MailCrashBetweenFetchAndCommitTest {

    private static final String MESSAGE = """
            From: Ines Alves <ines.alves@example.pt>
            To: support@ironzon.com
            Subject: Delete my data
            Date: Mon, 3 Mar 2025 10:00:00 +0000
            Message-ID: <crash-test-1@example.pt>
            Content-Type: text/plain; charset=utf-8

            Please delete all my personal data and close my account.
            Ines
            """;

    @Test
    void messageFetchedByAKilledHubIsTakenExactlyOnceAfterRestart() throws Exception {
        try (TestDatabase database = TestDatabase.postgresql(); TestMailServer mail = new TestMailServer()) {
            HubInstance.Builder settings = SeedMailboxes.on(mail, HubInstance.builder().database(database).property("dsr.verification.challenge-new-requests", "false"));
            LedgerRows rows = new LedgerRows(database.dataSource());
            MailboxProbe inbox = new MailboxProbe(mail.imapPort(), SeedMailboxes.IRONZON);

            Map<String, String> properties = new LinkedHashMap<>(childProperties(database, mail));
            try (HubProcess doomed = HubProcess.start(database, mail, properties);
                    Connection locker = DriverManager.getConnection(database.url(), database.username(), "")) {
                Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> tableExists(database, "inbound_message")
                        || !doomed.isAlive());
                assertThat(doomed.isAlive()).as(doomed.output()).isTrue();
                locker.setAutoCommit(false);
                try (Statement st = locker.createStatement()) {
                    st.execute("LOCK TABLE inbound_message IN ACCESS EXCLUSIVE MODE");
                }
                RawSmtp.send(mail.smtpPort(), "ines.alves@example.pt", SeedMailboxes.IRONZON,
                        MESSAGE.getBytes(StandardCharsets.UTF_8));

                // the hub has fetched the message and waits inside its handling of it: kill it there
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> waitingOnLock(database) > 0);
                doomed.kill();
                locker.rollback();
            }

            assertThat(rows.count("inbound_message")).isZero();
            assertThat(rows.count("subject_request")).isZero();
            assertThat(inbox.unseen("INBOX")).as("the message is still unread").isEqualTo(1);

            try (HubInstance restarted = settings.start()) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> inbox.unseen("INBOX") == 0
                        && rows.count("inbound_message") == 1);
                mail.awaitMessagesTo("ines.alves@example.pt", 1);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rows.rows(
                        "SELECT id FROM outbound_message WHERE status = 'SENT'").size() == 1);

                assertThat(rows.count("subject_request")).isEqualTo(1);
                assertThat(rows.rows("SELECT outcome FROM inbound_message")).extracting(r -> r.get("outcome"))
                        .containsExactly("NEW_REQUEST");
                assertThat(rows.rows("SELECT type FROM request_type ORDER BY type")).extracting(r -> r.get("type"))
                        .containsExactly("ACCOUNT_CLOSURE", "ERASURE");
                assertThat(rows.count("outbound_message")).isEqualTo(1);
                assertThat(mail.messagesTo("ines.alves@example.pt")).hasSize(1);
                assertThat(rows.rows("SELECT attempt_key FROM mail_attempt")).as("attempts forgotten once done").isEmpty();
            }
        }
    }

    private static Map<String, String> childProperties(TestDatabase database, TestMailServer mail) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("dsr.ledger.jdbc-url", database.url());
        p.put("dsr.ledger.username", database.username());
        p.put("dsr.ledger.password", "");
        p.put("dsr.mail.smtp.host", "127.0.0.1");
        p.put("dsr.mail.smtp.port", Integer.toString(mail.smtpPort()));
        p.put("dsr.mail.smtp.starttls", "false");
        p.put("dsr.mailbox.host", "127.0.0.1");
        p.put("dsr.mailbox.port", Integer.toString(mail.imapPort()));
        p.put("dsr.mailbox.protocol", "imap");
        p.put("dsr.mailbox.poll-delay", "200");
        p.put("dsr.mailbox.initial-delay", "100");
        return p;
    }

    private static boolean tableExists(TestDatabase database, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.username(), "");
                ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    private static int waitingOnLock(TestDatabase database) throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.username(), "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = "
                        + "current_database() AND wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
