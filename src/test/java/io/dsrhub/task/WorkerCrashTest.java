package io.dsrhub.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.HubProcess;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A hub instance is killed (SIGKILL, in its own JVM) in the middle of a request's fan-out: two of its four erasure
 * tasks have finished, two are running against tables the test keeps locked. A second instance takes the two
 * orphaned tasks over once their leases run out and completes the request; the two finished tasks are not run
 * again.
 */
class WorkerCrashTest {

    private static final List<String> SYSTEMS = List.of("shop-a", "shop-b", "shop-c", "shop-d");
    private static TestDatabase ledger;
    private static TestDatabase shops;
    private static TestMailServer mail;
    private static TestFulfilment fulfilment;
    private static LedgerRows ledgerRows;
    private static LedgerRows shopRows;

    @BeforeAll
    static void start() throws Exception {
        ledger = TestDatabase.postgresql();
        shops = TestDatabase.postgresql();
        fulfilment = TestFulfilment.create().policy("ironzon", """
                controller: ironzon
                request-types:
                  erasure: {action: erase, categories: [user]}
                """);
        try (Connection c = shops.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String system : SYSTEMS) {
                String table = table(system);
                st.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL)");
                st.execute("INSERT INTO " + table + " VALUES (1, 'kim@example.com'), (2, 'someone@example.com')");
                fulfilment.system("ironzon", system, """
                        id: %s
                        type: jdbc
                        connection: {url: "%s", username: postgres, password: ""}
                        tables:
                          - name: %s
                            primary-key: [id]
                            erase: delete-row
                            columns:
                              - {name: email, identity: email, categories: [user.contact.email]}
                        """.formatted(system, shops.url(), table));
            }
        }
        mail = new TestMailServer();
        ledgerRows = new LedgerRows(ledger.dataSource());
        shopRows = new LedgerRows(shops.dataSource());
    }

    @AfterAll
    static void stop() {
        mail.close();
        shops.close();
        ledger.close();
    }

    private static String table(String system) {
        return system.replace('-', '_');
    }

    @Test
    void aSecondInstanceFinishesTheOrphanedTasksWithoutRedoingFinishedOnes() throws Exception {
        Map<String, String> fast = Map.of(
                "dsr.fulfilment.dir", fulfilment.path().toString(),
                "dsr.fulfilment.plan-delay", "100",
                "dsr.tasks.poll-delay", "100",
                "dsr.tasks.lease", "PT3S",
                "dsr.tasks.lease-renewal", "500");
        String requestId;
        Map<String, TaskRecord> beforeCrash;
        try (Connection locks = shops.dataSource().getConnection()) {
            locks.setAutoCommit(false);
            try (Statement st = locks.createStatement()) {
                st.execute("LOCK TABLE shop_c, shop_d IN ACCESS EXCLUSIVE MODE");
            }
            try (HubProcess first = HubProcess.start(ledger, mail, with(fast, "dsr.tasks.instance-id", "worker-a"))) {
                requestId = submitAndVerify(first);
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                    Map<String, TaskRecord> tasks = tasks(requestId);
                    return tasks.size() == 4
                            && tasks.get("shop-a").status() == TaskStatus.DONE
                            && tasks.get("shop-b").status() == TaskStatus.DONE
                            && tasks.get("shop-c").status() == TaskStatus.RUNNING
                            && tasks.get("shop-d").status() == TaskStatus.RUNNING;
                });
                beforeCrash = tasks(requestId);
                assertThat(beforeCrash.get("shop-c").leaseOwner()).isEqualTo("worker-a");
                first.kill();
            }
            locks.rollback();
        }
        assertThat(shopRows.count("shop_a")).isEqualTo(1);
        assertThat(shopRows.count("shop_c")).isEqualTo(2);

        try (HubInstance second = HubInstance.builder().database(ledger).mail(mail)
                .property("dsr.fulfilment.dir", fulfilment.path().toString())
                .property("dsr.tasks.instance-id", "worker-b")
                .property("dsr.tasks.poll-delay", "100")
                .property("dsr.tasks.lease", "PT3S")
                .property("dsr.tasks.lease-renewal", "500")
                .property("dsr.fulfilment.announce-delay", "100").start()) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> status(requestId) == RequestStatus.COMPLETED);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !ledgerRows.rows("SELECT 1 FROM "
                    + "audit_event WHERE request_id = ? AND action = 'FULFILMENT_READY'", requestId).isEmpty());
        }

        Map<String, TaskRecord> after = tasks(requestId);
        for (String finished : List.of("shop-a", "shop-b")) {
            TaskRecord task = after.get(finished);
            assertThat(task.status()).isEqualTo(TaskStatus.DONE);
            assertThat(task.attempts()).isEqualTo(1);
            assertThat(task.finishedAt()).isEqualTo(beforeCrash.get(finished).finishedAt());
            assertThat(task.result()).isEqualTo(beforeCrash.get(finished).result());
        }
        for (String orphaned : List.of("shop-c", "shop-d")) {
            TaskRecord task = after.get(orphaned);
            assertThat(task.status()).isEqualTo(TaskStatus.DONE);
            assertThat(task.attempts()).isEqualTo(2);
            assertThat(task.result()).contains("\"erased\":1");
        }
        for (String system : SYSTEMS) {
            assertThat(shopRows.rows("SELECT email FROM " + table(system))).extracting(r -> r.get("email"))
                    .containsExactly("someone@example.com");
        }
        List<Map<String, Object>> done = ledgerRows.rows("SELECT detail FROM audit_event WHERE request_id = ? "
                + "AND action = 'TASK_DONE'", requestId);
        assertThat(done).hasSize(4);
        assertThat(ledgerRows.rows("SELECT action FROM audit_event WHERE request_id = ? AND action = "
                + "'FULFILMENT_READY'", requestId)).hasSize(1);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(base);
        all.put(key, value);
        return all;
    }

    private static String submitAndVerify(HubProcess hub) throws Exception {
        var response = hub.http().postJson("/api/v1/requests", """
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "kim@example.com"}]}""");
        assertThat(response.statusCode()).isEqualTo(201);
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("id").asText();
        JdbcClient jdbc = JdbcClient.create(ledger.dataSource());
        Clock clock = Clock.systemUTC();
        RequestLedger requests = new RequestLedger(jdbc, new AuditTrail(jdbc, clock), clock);
        new LedgerTransactions(new TransactionTemplate(new DataSourceTransactionManager(ledger.dataSource())))
                .run(() -> requests.transition(id, RequestStatus.VERIFIED, "test", "identity verified by the test"));
        return id;
    }

    private static Map<String, TaskRecord> tasks(String requestId) {
        return new TaskLedger(JdbcClient.create(ledger.dataSource())).forRequest(requestId).stream()
                .collect(Collectors.toMap(TaskRecord::systemId, t -> t));
    }

    private static RequestStatus status(String requestId) {
        return RequestStatus.valueOf((String) ledgerRows.rows("SELECT status FROM subject_request WHERE id = ?",
                requestId).get(0).get("status"));
    }
}
