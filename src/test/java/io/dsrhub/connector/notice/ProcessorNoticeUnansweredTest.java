package io.dsrhub.connector.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.MutableClock;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notice names the order numbers the shop database holds for the subject (identities-from), although the
 * request carries only an e-mail address; a processor that answers neither the notice nor the reminder gets no
 * more mail: the task dies, the privacy officer is told, and the request ends partially completed.
 */
class ProcessorNoticeUnansweredTest {

    private static final String PAYTRAIL = "privacy@paytrail.example";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private static TestDatabase shop;
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() throws Exception {
        shop = TestDatabase.h2();
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id INT PRIMARY KEY, email VARCHAR(100), order_no VARCHAR(20), "
                    + "total_cents INT)");
            st.execute("INSERT INTO orders VALUES (1, 'eero@example.fi', 'ISO-881', 2490), "
                    + "(2, 'eero@example.fi', 'ISO-902', 1290), (3, 'other@example.fi', 'ISO-903', 100)");
        }
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("isocket", """
                        controller: isocket
                        request-types:
                          erasure: {action: erase, categories: [user.financial]}
                        retention:
                          - {rule: bookkeeping, categories: [user.orders]}
                          - {rule: contract-performance, categories: [user.contract]}
                        """)
                .system("isocket", "shop-db", """
                        id: shop-db
                        type: jdbc
                        connection: {url: "%s", username: sa, password: ""}
                        tables:
                          - name: orders
                            primary-key: [id]
                            columns:
                              - {name: email, identity: email, categories: [user.contact.email]}
                              - {name: order_no, identity: order-number, categories: [user.orders.number]}
                        """.formatted(shop.url()))
                .system("isocket", "paytrail", """
                        id: paytrail
                        type: notice
                        processor: Paytrail
                        contact: %s
                        identities-from:
                          - {identity: order-number, system: shop-db, table: orders, column: order_no}
                        identifiers: [order-number]
                        categories: [user.financial.transaction]
                        remind-after: P2D
                        max-reminders: 1
                        """.formatted(PAYTRAIL));
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail).bean("clock", CLOCK)
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.tasks.poll-delay", "100")).start();
        requests = new TestRequests(hub);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        mail.close();
        shop.close();
        ledger.close();
    }

    @Test
    void theDerivedOrderNumbersAreNamedAndAnUnansweredNoticeIsEscalated() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "isocket", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "eero@example.fi"}]}""");
        MimeMessage notice = mail.awaitMessagesTo(PAYTRAIL, 1).get(0);
        assertThat(notice.getContent().toString()).contains("order-number: ISO-881").contains("order-number: ISO-902")
                .doesNotContain("ISO-903").doesNotContain("eero@example.fi");

        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> requests.task(id, "paytrail", "erase").status() == TaskStatus.PENDING
                        && requests.task(id, "paytrail", "erase").result() != null);
        CLOCK.advance(Duration.ofDays(2));
        mail.awaitMessagesTo(PAYTRAIL, 2);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> requests.task(id, "paytrail", "erase").status() == TaskStatus.PENDING);
        CLOCK.advance(Duration.ofDays(2));

        requests.awaitStatus(id, RequestStatus.PARTIALLY_COMPLETED);
        assertThat(requests.task(id, "paytrail", "erase").status()).isEqualTo(TaskStatus.DEAD);
        assertThat(requests.task(id, "paytrail", "erase").lastError()).contains("did not answer");
        Controller isocket = hub.bean(ControllerCatalogue.class).require("isocket");
        String officer = isocket.contact().privacyOfficer() != null ? isocket.contact().privacyOfficer()
                : isocket.contact().email();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mail.messagesTo(officer).stream()
                .anyMatch(m -> subjectOf(m).contains("Task needs attention")));
        assertThat(mail.messagesTo(PAYTRAIL)).hasSize(2);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
