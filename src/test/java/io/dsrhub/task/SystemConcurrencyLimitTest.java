package io.dsrhub.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A slow system configured with {@code max-concurrency: 1} gets one task at a time, however many requests wait
 * and however many workers are free; the others run as soon as it is done.
 */
class SystemConcurrencyLimitTest {

    private static TestDatabase ledger;
    private static TestDatabase shop;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() throws Exception {
        shop = TestDatabase.postgresql();
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(100))");
            st.execute("INSERT INTO people VALUES (1, 'a@example.com'), (2, 'b@example.com'), (3, 'c@example.com')");
        }
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          access: {action: find, categories: [user]}
                        """)
                .system("ironzon", "slow-db", """
                        id: slow-db
                        type: jdbc
                        max-concurrency: 1
                        connection: {url: "%s", username: postgres, password: ""}
                        tables:
                          - name: people
                            primary-key: [id]
                            columns:
                              - {name: email, identity: email, categories: [user.contact.email]}
                        """.formatted(shop.url()));
        ledger = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.tasks.poll-delay", "100")
                .property("dsr.tasks.workers", "8")).start();
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
    void oneTaskAtATimeRunsOnTheSlowSystem() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection lock = shop.dataSource().getConnection()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("LOCK TABLE people IN ACCESS EXCLUSIVE MODE");
            }
            for (String who : List.of("a", "b", "c")) {
                ids.add(requests.submitVerified("""
                        {"controller": "ironzon", "types": ["access"],
                         "identities": [{"type": "email", "value": "%s@example.com"}]}""".formatted(who)));
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> running(ids) == 1);
            Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> running(ids) == 1 && pending(ids) == 2);
            lock.rollback();
        }
        for (String id : ids) {
            requests.awaitStatus(id, RequestStatus.COMPLETED);
            assertThat(requests.task(id, "slow-db", "find").status()).isEqualTo(TaskStatus.DONE);
        }
    }

    private static long running(List<String> ids) {
        return ids.stream().flatMap(id -> requests.tasks(id).stream())
                .filter(t -> t.status() == TaskStatus.RUNNING).count();
    }

    private static long pending(List<String> ids) {
        return ids.stream().flatMap(id -> requests.tasks(id).stream())
                .filter(t -> t.status() == TaskStatus.PENDING).count();
    }
}
