package io.dsrhub.bench;

import io.dsrhub.connector.jdbc.KeyedHash;
import io.dsrhub.domain.Channel;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.domain.NewRequest;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.Requester;
import io.dsrhub.domain.RequesterKind;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (b): 10,000 erasure requests through the hub against a 1,000,000-row PostgreSQL shop (200,000
 * customers, 400,000 orders, 400,000 logins), versus a plain JDBC loop doing the same work (find the customer by
 * e-mail, delete their logins and orders, hash the e-mail and null name and phone, one transaction per customer)
 * for 10,000 other customers in the same run. The hub's requests are written to the ledger beforehand and then
 * made VERIFIED in one statement, so the clock covers planning, tasks, fan-in and the announcement. Run with
 * {@code mvn -Pbench test -Dtest=ErasureThroughputBenchmark}.
 */
class ErasureThroughputBenchmark {

    private static final int CUSTOMERS = 200_000;
    private static final int REQUESTS = Integer.getInteger("bench.requests", 10_000);
    private static final String HASH_KEY = "benchmark-erasure-hash-key-0123456789";

    @Test
    void tenThousandErasuresOverAMillionRows() throws Exception {
        try (TestDatabase ledger = TestDatabase.postgresql(); TestDatabase shop = TestDatabase.postgresql();
                TestMailServer mail = new TestMailServer()) {
            long loading = System.nanoTime();
            try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                        + "name VARCHAR(100), phone VARCHAR(32))");
                st.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES "
                        + "customers (id), total_cents INT, ship_to VARCHAR(200))");
                st.execute("CREATE TABLE logins (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES "
                        + "customers (id), at TIMESTAMP)");
                st.execute("INSERT INTO customers SELECT n, 'user' || n || '@example.com', 'Customer ' || n, "
                        + "'+3584000' || n FROM generate_series(1, " + CUSTOMERS + ") n");
                st.execute("INSERT INTO orders SELECT n, (n % " + CUSTOMERS + ") + 1, n % 10000, 'Street ' || n "
                        + "FROM generate_series(1, " + 2 * CUSTOMERS + ") n");
                st.execute("INSERT INTO logins SELECT n, (n % " + CUSTOMERS + ") + 1, TIMESTAMP '2024-01-01' + "
                        + "(n || ' minutes')::interval FROM generate_series(1, " + 2 * CUSTOMERS + ") n");
                st.execute("CREATE INDEX customers_email ON customers (LOWER(email))");
                st.execute("CREATE INDEX orders_customer ON orders (customer_id)");
                st.execute("CREATE INDEX logins_customer ON logins (customer_id)");
                st.execute("ANALYZE");
            }
            LedgerRows shopRows = new LedgerRows(shop.dataSource());
            long rows = shopRows.count("customers") + shopRows.count("orders") + shopRows.count("logins");
            System.out.printf("BENCH erasure: data set of %,d rows loaded in %d s%n", rows,
                    (System.nanoTime() - loading) / 1_000_000_000);

            TestFulfilment fulfilment = TestFulfilment.create()
                    .policy("ironzon", """
                            controller: ironzon
                            request-types:
                              erasure: {action: erase, categories: [user]}
                            """)
                    .system("ironzon", "big-shop", """
                            id: big-shop
                            type: jdbc
                            max-concurrency: 16
                            connection: {url: "%s", username: postgres, password: "", pool-size: 17}
                            tables:
                              - name: customers
                                primary-key: [id]
                                columns:
                                  - {name: email, identity: email, categories: [user.contact.email], erase: keyed-hash}
                                  - {name: name, categories: [user.name]}
                                  - {name: phone, categories: [user.contact.phone]}
                              - name: orders
                                primary-key: [id]
                                erase: delete-row
                                columns:
                                  - {name: ship_to, categories: [user.contact.address]}
                                  - name: customer_id
                                    references: [{field: customers.id, direction: from}]
                              - name: logins
                                primary-key: [id]
                                erase: delete-row
                                columns:
                                  - {name: at, categories: [user.activity.login]}
                                  - name: customer_id
                                    references: [{field: customers.id, direction: from}]
                            """.formatted(shop.url()));
            try (HubInstance hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                    .property("dsr.fulfilment.plan-delay", "50")
                    .property("dsr.fulfilment.plan-batch", "500")
                    .property("dsr.tasks.poll-delay", "50")
                    .property("dsr.tasks.workers", "16")
                    .property("dsr.fulfilment.announce-delay", "200")
                    .property("dsr.ledger.pool-size", "40")
                    .property("dsr.fulfilment.hash-key", HASH_KEY)).start()) {
                RequestLedger requests = hub.bean(RequestLedger.class);
                LedgerTransactions tx = hub.bean(LedgerTransactions.class);
                for (int start = 1; start <= REQUESTS; start += 500) {
                    int from = start;
                    tx.run(() -> {
                        for (int n = from; n < from + 500 && n <= REQUESTS; n++) {
                            String email = "user" + n + "@example.com";
                            requests.insert(new NewRequest("ironzon", EnumSet.of(RequestType.ERASURE),
                                    List.of(Identity.raw(IdentityType.EMAIL, email)),
                                    new Requester(RequesterKind.SUBJECT, null, email), null, null, "en", null,
                                    Channel.API, "bench-" + UUID.randomUUID(), null, Instant.now()), "bench", List.of());
                        }
                    });
                }
                LedgerRows ledgerRows = new LedgerRows(ledger.dataSource());
                long hubStart = System.nanoTime();
                ledgerRows.jdbc().sql("UPDATE subject_request SET status = 'VERIFIED' WHERE status = 'RECEIVED'")
                        .update();
                Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                        .until(() -> ledgerRows.jdbc().sql("SELECT COUNT(*) FROM subject_request WHERE status = "
                                + "'COMPLETED'").query(Long.class).single() == REQUESTS);
                double hubSeconds = (System.nanoTime() - hubStart) / 1e9;
                Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                        .until(() -> ledgerRows.jdbc().sql("SELECT COUNT(*) FROM request_fulfilment WHERE "
                                + "announced_at IS NOT NULL").query(Long.class).single() == REQUESTS);
                double announcedSeconds = (System.nanoTime() - hubStart) / 1e9;
                if (Boolean.getBoolean("bench.verbose")) {
                    System.out.println("BENCH detail " + ledgerRows.rows("SELECT "
                            + "EXTRACT(EPOCH FROM MAX(created_at) - MIN(created_at)) AS planning_span, "
                            + "EXTRACT(EPOCH FROM MAX(finished_at) - MIN(started_at)) AS task_span, "
                            + "AVG(EXTRACT(EPOCH FROM finished_at - started_at)) AS avg_task, "
                            + "AVG(EXTRACT(EPOCH FROM started_at - created_at)) AS avg_wait FROM request_task"));
                }
                long hubOrders = shopRows.jdbc().sql("SELECT COUNT(*) FROM orders WHERE customer_id <= " + REQUESTS)
                        .query(Long.class).single();
                System.out.printf("BENCH erasure hub: %,d requests (%,d tasks) VERIFIED -> COMPLETED in %.1f s = "
                                + "%.0f requests/s (all announced to direct:request-fulfilled after %.1f s); orders "
                                + "left for those customers: %d%n", REQUESTS,
                        ledgerRows.count("request_task"), hubSeconds, REQUESTS / hubSeconds, announcedSeconds,
                        hubOrders);
            }

            KeyedHash hash = new KeyedHash(HASH_KEY);
            long loopStart = System.nanoTime();
            int erased = 0;
            try (Connection c = shop.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement find = c.prepareStatement("SELECT id, email FROM customers WHERE LOWER(email) = ?");
                        PreparedStatement logins = c.prepareStatement("DELETE FROM logins WHERE customer_id = ?");
                        PreparedStatement orders = c.prepareStatement("DELETE FROM orders WHERE customer_id = ?");
                        PreparedStatement customer = c.prepareStatement("UPDATE customers SET email = ?, name = NULL, "
                                + "phone = NULL WHERE id = ?")) {
                    for (int n = REQUESTS + 1; n <= 2 * REQUESTS; n++) {
                        find.setString(1, "user" + n + "@example.com");
                        try (ResultSet rs = find.executeQuery()) {
                            while (rs.next()) {
                                long id = rs.getLong(1);
                                logins.setLong(1, id);
                                logins.executeUpdate();
                                orders.setLong(1, id);
                                orders.executeUpdate();
                                customer.setString(1, hash.of(rs.getString(2), 100));
                                customer.setLong(2, id);
                                customer.executeUpdate();
                                erased++;
                            }
                        }
                        c.commit();
                    }
                }
            }
            double loopSeconds = (System.nanoTime() - loopStart) / 1e9;
            System.out.printf("BENCH erasure plain JDBC loop: %,d customers in %.1f s = %.0f customers/s "
                    + "(one thread, one transaction per customer)%n", erased, loopSeconds, erased / loopSeconds);
        }
    }
}
