package io.dsrhub.connector.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.MutableClock;
import io.dsrhub.testing.RawSmtp;
import io.dsrhub.testing.SeedMailboxes;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A processor without an API (PayPal for iSocket) gets a notice naming the request reference and the order number
 * it holds; the task waits in the ledger without a lease; with no answer after remind-after a reminder goes out on
 * the same thread; PayPal's reply, threaded back through the mailbox, completes the task with its answer, and a
 * stranger quoting the reference changes nothing.
 */
class ProcessorNoticeReplyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYPAL = "privacy@paypal.example";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;
    private static LedgerRows rows;

    @BeforeAll
    static void start() {
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("isocket", """
                        controller: isocket
                        request-types:
                          erasure: {action: erase, categories: [user]}
                        retention:
                          - {rule: bookkeeping, categories: [user.orders]}
                          - {rule: contract-performance, categories: [user.contract]}
                        """)
                .system("isocket", "paypal", """
                        id: paypal
                        type: notice
                        processor: PayPal
                        contact: %s
                        identifiers: [order-number, email]
                        categories: [user.financial.transaction, user.contact.email]
                        remind-after: P3D
                        max-reminders: 2
                        """.formatted(PAYPAL));
        ledger = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(SeedMailboxes.on(mail, HubInstance.builder().database(ledger)).bean("clock", CLOCK)
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.tasks.poll-delay", "100")).start();
        requests = new TestRequests(hub);
        rows = new LedgerRows(ledger.dataSource());
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        mail.close();
        ledger.close();
    }

    @Test
    void theNoticeIsRemindedAndThenAnsweredByAReplyThatCompletesTheTask() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "isocket", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "aino@example.fi"},
                                {"type": "order-number", "value": "ISO-20431"}]}""");
        MimeMessage notice = mail.awaitMessagesTo(PAYPAL, 1).get(0);
        String reference = requests.request(id).reference();
        assertThat(notice.getSubject()).contains("[" + reference + "]");
        String body = notice.getContent().toString();
        assertThat(body).contains("order-number: ISO-20431").contains("email: aino@example.fi").contains("erase");

        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> requests.task(id, "paypal", "erase").status() == TaskStatus.PENDING);
        TaskRecord waiting = requests.task(id, "paypal", "erase");
        assertThat(waiting.leaseOwner()).isNull();
        assertThat(waiting.nextAttemptAt()).isEqualTo(CLOCK.instant().plus(Duration.ofDays(3)));
        assertThat(JSON.readTree(waiting.result()).at("/processor/status").asText()).isEqualTo("notified");
        assertThat(requests.request(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);

        CLOCK.advance(Duration.ofDays(3));
        MimeMessage reminder = mail.awaitMessagesTo(PAYPAL, 2).get(1);
        assertThat(reminder.getSubject()).contains("Reminder 1").contains(reference);
        assertThat(reminder.getHeader("In-Reply-To", null)).isEqualTo(notice.getMessageID());

        send("someone@example.net", "<stranger-1@example.net>", "Re: [" + reference + "]", "Erased, trust me.",
                null);
        awaitInbound("<stranger-1@example.net>");
        assertThat(requests.task(id, "paypal", "erase").status()).isEqualTo(TaskStatus.PENDING);

        send(PAYPAL, "<paypal-answer-1@paypal.example>", "Re: " + reminder.getSubject(),
                "We have erased the customer record linked to the order. Transaction records are kept for 10 years "
                        + "under anti-money-laundering law.", reminder.getMessageID());
        requests.awaitStatus(id, RequestStatus.COMPLETED);
        TaskRecord done = requests.task(id, "paypal", "erase");
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        JsonNode report = JSON.readTree(done.result()).get("processor");
        assertThat(report.get("protocol").asText()).isEqualTo("notice");
        assertThat(report.get("status").asText()).isEqualTo("answered");
        assertThat(report.at("/notice/reminders").asInt()).isEqualTo(1);
        assertThat(report.at("/notice/answer").asText()).startsWith("We have erased the customer record");
        assertThat(report.at("/notice/contact").asText()).isEqualTo(PAYPAL);
        assertThat(rows.rows("SELECT action FROM audit_event WHERE request_id = ? AND action LIKE 'PROCESSOR_%' "
                + "ORDER BY seq", id)).extracting(r -> r.get("action"))
                .containsExactly("PROCESSOR_NOTIFIED", "PROCESSOR_REMINDED", "PROCESSOR_ANSWERED");
    }

    private static void send(String from, String messageId, String subject, String text, String inReplyTo) {
        String eml = "From: " + from + "\nTo: " + SeedMailboxes.ISOCKET + "\nSubject: " + subject + "\nMessage-ID: "
                + messageId + "\n"
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\nReferences: " + inReplyTo + "\n")
                + "Date: Mon, 2 Mar 2026 10:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n" + text + "\n";
        RawSmtp.send(mail.smtpPort(), from, SeedMailboxes.ISOCKET, eml.getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitInbound(String messageId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !rows.rows(
                "SELECT id FROM inbound_message WHERE message_id = ? AND outcome <> 'TAKING'", messageId).isEmpty());
    }
}
