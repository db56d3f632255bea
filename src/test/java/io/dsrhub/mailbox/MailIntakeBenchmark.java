package io.dsrhub.mailbox;

import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.RawSmtp;
import io.dsrhub.testing.SeedMailboxes;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Intake throughput, IMAP to ledger with the acknowledgement sent: 1,000 messages waiting in the mailboxes when the
 * hub starts (PostgreSQL ledger, GreenMail IMAP/SMTP), once spread over the five controllers' mailboxes and once in
 * a single mailbox. Prints messages per second; asserts nothing about speed. Run with
 * {@code mvn -Pbench test -Dtest=MailIntakeBenchmark}.
 */
class MailIntakeBenchmark {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 1000);
    private static final List<String> TEXTS = List.of(
            "Hello, I would like to access the personal data you hold about me. Order number: IZ-2024-%05d",
            "Please delete all my personal data and close my account. Tel. +358 40 %07d",
            "Bitte löschen Sie alle meine Daten. Bestellnummer %05d-DE",
            "您好，请删除我的所有个人信息。设备序列号：C6N-%08d",
            "Je souhaite exercer mon droit d'accès. Numéro de commande : FR-%05d",
            "Hei, haluan käyttää tarkastusoikeuttani. Tilausnumero: %05d-FI",
            "Hi, I have a question about my app, can someone help? (%d)");

    @Test
    void intakeThroughputOverFiveMailboxes() {
        run(SeedMailboxes.ALL, "5 mailboxes");
    }

    @Test
    void intakeThroughputOfOneMailbox() {
        run(List.of(SeedMailboxes.IRONZON), "1 mailbox");
    }

    private static void run(List<String> mailboxes, String label) {
        try (TestDatabase database = TestDatabase.postgresql(); TestMailServer mail = new TestMailServer()) {
            for (String address : SeedMailboxes.ALL) {
                mail.greenMail().setUser(address, address, address);
            }
            long deliveryStart = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                String mailbox = mailboxes.get(i % mailboxes.size());
                String eml = "From: Subject " + i + " <subject" + i + "@example.com>\nTo: " + mailbox + "\n"
                        + "Subject: Privacy request " + i + "\nMessage-ID: <bench-" + i + "@example.com>\n"
                        + "Date: Mon, 3 Mar 2025 10:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
                        + String.format(Locale.ROOT, TEXTS.get(i % TEXTS.size()), i) + "\n";
                RawSmtp.send(mail.smtpPort(), "subject" + i + "@example.com", mailbox, eml.getBytes(StandardCharsets.UTF_8));
            }
            double deliverySeconds = (System.nanoTime() - deliveryStart) / 1e9;

            LedgerRows rows = new LedgerRows(database.dataSource());
            try (HubInstance hub = SeedMailboxes.on(mail, HubInstance.builder().database(database))
                    .property("dsr.mailbox.poll-delay", "100").property("dsr.mailbox.initial-delay", "0")
                    .property("dsr.mailbox.batch-size", "100")
                    .property("dsr.outbox.poll-delay", "100").property("dsr.outbox.batch-size", "100")
                    .start()) {
                long start = System.nanoTime();
                Awaitility.await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> rows.count("inbound_message") >= MESSAGES);
                double ledgerSeconds = (System.nanoTime() - start) / 1e9;
                Awaitility.await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                        rows.rows("SELECT id FROM outbound_message WHERE status <> 'SENT'").isEmpty()
                                && mail.greenMail().getReceivedMessagesForDomain("example.com").length
                                >= rows.count("outbound_message"));
                double sentSeconds = (System.nanoTime() - start) / 1e9;
                long requests = rows.count("subject_request");
                long replies = rows.count("outbound_message");
                System.out.printf(Locale.ROOT, "%nMailIntakeBenchmark (%s): %d messages (%d requests, %d replies sent; "
                                + "SMTP delivery into the mailboxes took %.1f s, not counted)%n"
                                + "  IMAP -> ledger:                     %6.1f s  %7.1f messages/s%n"
                                + "  IMAP -> ledger -> reply sent (SMTP): %6.1f s  %7.1f messages/s%n%n",
                        label, MESSAGES, requests, replies, deliverySeconds, ledgerSeconds, MESSAGES / ledgerSeconds,
                        sentSeconds, MESSAGES / sentSeconds);
            }
        }
    }
}
