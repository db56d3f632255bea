package io.dsrhub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.MutableClock;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * iSocket's bookkeeping rule (ten years from the end of the financial year) turns the erasure of order amounts into
 * RETAINED with the legal basis and a purge date per order, while everything else is erased at once; the purge
 * task waits for each date, erases what is due, and waits again for the next one.
 */
class RetentionHoldTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-03-10T10:00:00Z"));
    private static TestDatabase ledger;
    private static TestDatabase shop;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;
    private static LedgerRows shopRows;

    @BeforeAll
    static void start() throws Exception {
        shop = TestDatabase.h2();
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL, name VARCHAR(100))");
            st.execute("CREATE TABLE orders (order_no VARCHAR(20) PRIMARY KEY, account_id INT NOT NULL "
                    + "REFERENCES accounts (id), ordered_on DATE NOT NULL, total_cents INT, ship_to VARCHAR(200))");
            st.execute("INSERT INTO accounts VALUES (1, 'aino@example.fi', 'Aino V'), (2, 'b@example.fi', 'B')");
            st.execute("INSERT INTO orders VALUES ('ES-1', 1, DATE '2021-03-14', 22900, 'Varkaus'), "
                    + "('ES-2', 1, DATE '2023-02-14', 14900, 'Varkaus'), ('ES-3', 2, DATE '2023-01-01', 100, 'X')");
        }
        shopRows = new LedgerRows(shop.dataSource());
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("isocket", """
                        controller: isocket
                        request-types:
                          erasure: {action: erase, categories: [user]}
                        retention:
                          - {rule: bookkeeping, categories: [user.financial]}
                          - {rule: contract-performance, categories: [user.contract]}
                        """)
                .system("isocket", "e-store", """
                        id: e-store
                        type: jdbc
                        connection: {url: "%s", username: sa, password: ""}
                        tables:
                          - name: accounts
                            primary-key: [id]
                            columns:
                              - {name: email, identity: email, categories: [user.contact.email], erase: rewrite, rewrite-value: erased}
                              - {name: name, categories: [user.name]}
                          - name: orders
                            primary-key: [order_no]
                            event-date: ordered_on
                            columns:
                              - {name: total_cents, categories: [user.financial.transaction]}
                              - {name: ship_to, categories: [user.contact.address]}
                              - name: account_id
                                references: [{field: accounts.id, direction: from}]
                        """.formatted(shop.url()));
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
    void retainedAmountsArePurgedOnTheirDatesAndNotBefore() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "isocket", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "aino@example.fi"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        TaskRecord erase = requests.task(id, "e-store", "erase");
        assertThat(erase.status()).isEqualTo(TaskStatus.RETAINED);
        JsonNode retained = JSON.readTree(erase.result()).get("retained");
        assertThat(retained).extracting(r -> r.get("rule").asText() + " " + r.get("purgeOn").asText() + " "
                        + r.get("rows").asInt())
                .containsExactly("bookkeeping 2031-12-31 1", "bookkeeping 2033-12-31 1");
        assertThat(retained.get(0).get("basis").asText()).contains("Accounting Act");
        assertThat(shopRows.rows("SELECT email, name FROM accounts WHERE id = 1")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("email", "erased").containsEntry("name", null));
        assertThat(shopRows.rows("SELECT order_no, total_cents, ship_to FROM orders ORDER BY order_no"))
                .extracting(r -> r.get("order_no") + " " + r.get("total_cents") + " " + r.get("ship_to"))
                .containsExactly("ES-1 22900 null", "ES-2 14900 null", "ES-3 100 X");

        TaskRecord purge = requests.task(id, "e-store", "purge");
        assertThat(purge.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(purge.nextAttemptAt()).isEqualTo(Instant.parse("2031-12-30T22:00:00Z"));
        Awaitility.await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> requests.task(id, "e-store", "purge").attempts() == 0);

        CLOCK.set(Instant.parse("2032-01-01T09:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                requests.task(id, "e-store", "purge").nextAttemptAt().equals(Instant.parse("2033-12-30T22:00:00Z")));
        assertThat(requests.task(id, "e-store", "purge").status()).isEqualTo(TaskStatus.PENDING);
        assertThat(shopRows.rows("SELECT order_no, total_cents FROM orders ORDER BY order_no"))
                .extracting(r -> r.get("order_no") + " " + r.get("total_cents"))
                .containsExactly("ES-1 null", "ES-2 14900", "ES-3 100");

        CLOCK.set(Instant.parse("2034-01-02T09:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                requests.task(id, "e-store", "purge").status() == TaskStatus.DONE);
        assertThat(shopRows.rows("SELECT order_no, total_cents FROM orders ORDER BY order_no"))
                .extracting(r -> r.get("order_no") + " " + r.get("total_cents"))
                .containsExactly("ES-1 null", "ES-2 null", "ES-3 100");
        assertThat(requests.request(id).status()).isEqualTo(RequestStatus.COMPLETED);
    }
}
