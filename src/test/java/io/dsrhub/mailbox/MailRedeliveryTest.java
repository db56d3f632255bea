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
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A message the hub committed but never marked read (the hub died between the commit and the flag, or the flag was
 * lost) comes round again and changes nothing: no second request, no second acknowledgement, no second clarification
 * question; it is simply marked read this time.
 */
class MailRedeliveryTest {

    @Test
    void committedMessagesThatComeBackUnreadAreNotTakenAgain() {
        try (TestDatabase database = TestDatabase.h2(); TestMailServer mail = new TestMailServer();
                HubInstance hub = SeedMailboxes.on(mail, HubInstance.builder().database(database).property("dsr.verification.challenge-new-requests", "false")).start()) {
            LedgerRows rows = new LedgerRows(database.dataSource());
            MailboxProbe inbox = new MailboxProbe(mail.imapPort(), SeedMailboxes.IID2SECURE);
            send(mail, "<redelivery-1@example.com>", "Please delete all my personal data.");
            send(mail, "<redelivery-2@example.com>", "I have a question, who can help me?");
            send(mail, "<redelivery-3@example.com>", "Please close my account.");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> rows.count("inbound_message") == 3
                    && inbox.unseen("INBOX") == 0);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rows.rows(
                    "SELECT id FROM outbound_message WHERE status = 'SENT'").size() == 3);

            ManagedRouteMBean intake = hub.context().getCamelContextExtension()
                    .getContextPlugin(ManagedCamelContext.class).getManagedRoute("mailbox-intake");
            long takenBefore = intake.getExchangesCompleted();
            inbox.markAllUnseen("INBOX");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> inbox.unseen("INBOX") == 0
                    && intake.getExchangesCompleted() == takenBefore + 3);

            assertThat(rows.count("inbound_message")).isEqualTo(3);
            assertThat(rows.count("subject_request")).isEqualTo(3);
            assertThat(rows.rows("SELECT kind FROM outbound_message ORDER BY kind")).extracting(r -> r.get("kind"))
                    .containsExactly("ACKNOWLEDGEMENT", "ACKNOWLEDGEMENT", "CLARIFICATION");
            assertThat(rows.rows("SELECT status FROM subject_request ORDER BY status")).extracting(r -> r.get("status"))
                    .containsExactly("AWAITING_CLARIFICATION", "RECEIVED", "RECEIVED");
            assertThat(rows.count("mail_attempt")).isZero();
        }
    }

    private static void send(TestMailServer mail, String messageId, String text) {
        String eml = "From: Kai Lee <kai.lee@example.com>\nTo: " + SeedMailboxes.IID2SECURE + "\nSubject: Privacy\n"
                + "Message-ID: " + messageId + "\nDate: Mon, 3 Mar 2025 10:00:00 +0000\n\n" + text + "\n";
        RawSmtp.send(mail.smtpPort(), "kai.lee@example.com", SeedMailboxes.IID2SECURE, eml.getBytes(StandardCharsets.UTF_8));
    }
}
