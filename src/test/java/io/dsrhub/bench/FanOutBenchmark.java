package io.dsrhub.bench;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (a): one request over 10 systems that each take 200 ms (every query of each system's PostgreSQL view
 * sleeps 0.2 s), compared with 200 ms. Prints the time from the request becoming VERIFIED to COMPLETED, and the
 * span of its tasks in the ledger (first start to last finish), for several requests. Run with
 * {@code mvn -Pbench test -Dtest=FanOutBenchmark}.
 */
class FanOutBenchmark {

    private static final int SYSTEMS = 10;
    private static final int ROUNDS = 7;

    @Test
    void oneRequestOverTenSlowSystems() throws Exception {
        try (TestDatabase ledger = TestDatabase.postgresql(); TestDatabase slow = TestDatabase.postgresql();
                TestMailServer mail = new TestMailServer()) {
            TestFulfilment fulfilment = TestFulfilment.create().policy("ironzon", """
                    controller: ironzon
                    request-types:
                      access: {action: find, categories: [user]}
                    """);
            try (Connection c = slow.dataSource().getConnection(); Statement st = c.createStatement()) {
                for (int i = 0; i < SYSTEMS; i++) {
                    st.execute("CREATE TABLE people_" + i + " (id INT PRIMARY KEY, email VARCHAR(100))");
                    st.execute("INSERT INTO people_" + i + " SELECT n, 'person' || n || '@example.com' "
                            + "FROM generate_series(1, 100) n");
                    st.execute("CREATE VIEW slow_" + i + " AS SELECT p.id, p.email FROM people_" + i + " p, "
                            + "(SELECT pg_sleep(0.2)) s");
                    fulfilment.system("ironzon", "slow-" + i, """
                            id: slow-%d
                            type: jdbc
                            connection: {url: "%s", username: postgres, password: ""}
                            tables:
                              - name: slow_%d
                                primary-key: [id]
                                columns:
                                  - {name: email, identity: email, categories: [user.contact.email]}
                            """.formatted(i, slow.url(), i));
                }
            }
            try (HubInstance hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                    .property("dsr.fulfilment.plan-delay", "20")
                    .property("dsr.tasks.poll-delay", "20")
                    .property("dsr.tasks.workers", "16")).start()) {
                TestRequests requests = new TestRequests(hub);
                List<Long> endToEnd = new ArrayList<>();
                List<Long> taskSpan = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    String id = requests.submit("""
                            {"controller": "ironzon", "types": ["access"],
                             "identities": [{"type": "email", "value": "person%d@example.com"}]}""".formatted(round + 1));
                    long start = System.nanoTime();
                    requests.verify(id);
                    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                            .until(() -> requests.request(id).status() == RequestStatus.COMPLETED);
                    long total = (System.nanoTime() - start) / 1_000_000;
                    List<TaskRecord> tasks = requests.tasks(id);
                    Instant first = tasks.stream().map(TaskRecord::startedAt).min(Comparator.naturalOrder()).orElseThrow();
                    Instant last = tasks.stream().map(TaskRecord::finishedAt).max(Comparator.naturalOrder()).orElseThrow();
                    long span = Duration.between(first, last).toMillis();
                    if (Boolean.getBoolean("bench.verbose")) {
                        tasks.forEach(t -> System.out.printf("  %s started +%d finished +%d updated +%d%n", t.systemId(),
                                Duration.between(first, t.startedAt()).toMillis(),
                                Duration.between(first, t.finishedAt()).toMillis(),
                                Duration.between(first, t.updatedAt()).toMillis()));
                    }
                    System.out.printf("BENCH fan-out round %d: %d tasks, VERIFIED -> COMPLETED %d ms, tasks first "
                            + "start -> last finish %d ms%n", round + 1, tasks.size(), total, span);
                    if (round > 1) {
                        endToEnd.add(total);
                        taskSpan.add(span);
                    }
                }
                endToEnd.sort(null);
                taskSpan.sort(null);
                System.out.printf("BENCH fan-out: 10 systems x 200 ms; median of rounds 3-%d: end-to-end %d ms, task "
                                + "span %d ms (one system alone: 200 ms; one after the other: 2000 ms)%n", ROUNDS,
                        endToEnd.get(endToEnd.size() / 2), taskSpan.get(taskSpan.size() / 2));
            }
        }
    }
}
