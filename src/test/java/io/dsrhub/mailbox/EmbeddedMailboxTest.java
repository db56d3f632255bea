package io.dsrhub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.embedded.EmbeddedMailServer;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.RawSmtp;
import io.dsrhub.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * With no mail server configured (the embedded profile), every controller's mailbox is on the embedded mail server:
 * a newcomer who mails support@ironzon.com on the embedded SMTP port sees it become a request and gets the
 * acknowledgement in the embedded mailbox of the address they wrote from.
 */
class EmbeddedMailboxTest {

    @Test
    void mailToAControllerOnTheEmbeddedServerBecomesARequest() {
        try (TestDatabase database = TestDatabase.h2();
                HubInstance hub = HubInstance.builder().database(database)
                        .property("dsr.mailbox.poll-delay", "200").property("dsr.mailbox.initial-delay", "100")
                        .start()) {
            EmbeddedMailServer server = hub.context().getRegistry().lookupByNameAndType("embeddedMailServer",
                    EmbeddedMailServer.class);
            assertThat(hub.context().getRoute("mailbox-ironzon")).isNotNull();
            assertThat(hub.context().getRoute("mailbox-isocket")).isNotNull();
            String eml = "From: New Comer <newcomer@example.com>\nTo: support@ironzon.com\nSubject: Delete my data\n"
                    + "Message-ID: <embedded-1@example.com>\nDate: Mon, 3 Mar 2025 10:00:00 +0000\n\n"
                    + "Please delete all my personal data.\n";
            RawSmtp.send(server.greenMail().getSmtp().getPort(), "newcomer@example.com", "support@ironzon.com",
                    eml.getBytes(StandardCharsets.UTF_8));

            LedgerRows rows = new LedgerRows(database.dataSource());
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> rows.count("subject_request") == 1);
            // the acknowledgement, then the identity verification code (to the address given: not on file)
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    server.greenMail().getReceivedMessagesForDomain("example.com").length == 2);
            assertThat(java.util.Arrays.stream(server.greenMail().getReceivedMessagesForDomain("example.com"))
                    .map(m -> {
                        try {
                            return m.getSubject();
                        } catch (jakarta.mail.MessagingException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList())
                    .anyMatch(s -> s.contains("We have received")).anyMatch(s -> s.contains("Please confirm"));
            assertThat(rows.rows("SELECT controller_id, channel, reply_to FROM subject_request").get(0))
                    .containsEntry("controller_id", "ironzon").containsEntry("channel", "EMAIL")
                    .containsEntry("reply_to", "newcomer@example.com");
        }
    }
}
