package io.dsrhub.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.ledger.Timestamps;
import io.dsrhub.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims in the PostgreSQL ledger: concurrent claimers get disjoint tasks (FOR UPDATE SKIP LOCKED), a task whose
 * lease ran out is taken over and its old owner can no longer finish it, later stages wait for earlier ones, and
 * a system's concurrency limit holds across claimers.
 */
class TaskLeasesTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    private static TestDatabase database;
    private static JdbcClient jdbc;
    private static TaskLedger tasks;
    private static LedgerTransactions tx;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.postgresql();
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(database.dataSource());
        tasks = new TaskLedger(jdbc);
        tx = new LedgerTransactions(new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())));
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM request_task").update();
        jdbc.sql("DELETE FROM task_system_gate").update();
        jdbc.sql("DELETE FROM subject_request").update();
    }

    private static String request() {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO subject_request (id, reference, controller_id, channel, status, requester_kind, language, "
                        + "received_at, updated_at) VALUES (:id, :ref, 'ironzon', 'API', 'IN_PROGRESS', 'SUBJECT', 'en', "
                        + ":now, :now)")
                .param("id", id).param("ref", "DSR-" + id.substring(0, 8)).param("now", Timestamps.toDb(NOW)).update();
        return id;
    }

    private static long task(String request, String system, String action, int stage) {
        tx.run(() -> tasks.ensureGates(List.of(system)));
        return tasks.insert(request, system, action, TaskStatus.PENDING, stage, "{}", stage == 1 ? NOW : null, NOW);
    }

    private static List<TaskRecord> claim(String owner, int limit, Instant at, int perSystem) {
        return tx.inTransaction(() -> tasks.claim(owner, limit, at, at.plusSeconds(60), Set.of(), s -> perSystem,
                s -> true));
    }

    @Test
    void concurrentClaimersGetDisjointTasks() throws Exception {
        String request = request();
        for (int i = 0; i < 6; i++) {
            task(request, "system-" + i, "erase", 1);
        }
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<List<TaskRecord>> first = CompletableFuture.supplyAsync(() -> tx.inTransaction(() -> {
            List<TaskRecord> claimed = tasks.claim("one", 3, NOW, NOW.plusSeconds(60), Set.of(), s -> 4, s -> true);
            firstHolds.countDown();
            try {
                secondDone.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return claimed;
        }));
        assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();
        List<TaskRecord> second = claim("two", 6, NOW, 4);
        secondDone.countDown();

        Set<Long> one = ids(first.get(10, TimeUnit.SECONDS));
        Set<Long> two = ids(second);
        assertThat(one).hasSize(3);
        assertThat(two).hasSize(3).doesNotContainAnyElementsOf(one);
        assertThat(tasks.forRequest(request)).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.RUNNING));
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheOldOwnerCannotFinish() {
        String request = request();
        long id = task(request, "slow-system", "export", 1);
        assertThat(claim("crashed", 1, NOW, 4)).extracting(TaskRecord::id).containsExactly(id);
        assertThat(claim("other", 1, NOW.plusSeconds(30), 4)).isEmpty();

        List<TaskRecord> taken = claim("other", 1, NOW.plusSeconds(61), 4);
        assertThat(taken).singleElement().satisfies(t -> {
            assertThat(t.leaseOwner()).isEqualTo("other");
            assertThat(t.attempts()).isEqualTo(2);
        });
        assertThat(tx.inTransaction(() -> tasks.finish(id, "crashed", TaskStatus.DONE, "{}", NOW.plusSeconds(62))))
                .isFalse();
        assertThat(tx.inTransaction(() -> tasks.finish(id, "other", TaskStatus.DONE, "{}", NOW.plusSeconds(62))))
                .isTrue();
        assertThat(claim("third", 1, NOW.plusSeconds(3600), 4)).isEmpty();
        assertThat(tasks.find(id).orElseThrow().status()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void aLaterStageWaitsUntilTheEarlierStageIsClosed() {
        String request = request();
        long read = task(request, "db", "export", 1);
        long erase = task(request, "db", "erase", 2);
        long later = task(request, "accounts", "erase", 3);

        assertThat(claim("w", 5, NOW, 4)).extracting(TaskRecord::id).containsExactly(read);
        assertThat(tx.inTransaction(() -> tasks.releaseNextStage(request, NOW))).isZero();
        assertThat(claim("w", 5, NOW, 4)).isEmpty();
        tx.run(() -> tasks.finish(read, "w", TaskStatus.DONE, "{}", NOW));
        assertThat(tx.inTransaction(() -> tasks.releaseNextStage(request, NOW))).isEqualTo(1);
        assertThat(claim("w", 5, NOW, 4)).extracting(TaskRecord::id).containsExactly(erase);
        tx.run(() -> tasks.kill(erase, "w", "gave up", NOW));
        assertThat(tx.inTransaction(() -> tasks.releaseNextStage(request, NOW))).isEqualTo(1);
        assertThat(claim("w", 5, NOW, 4)).extracting(TaskRecord::id).containsExactly(later);
    }

    @Test
    void aSystemsConcurrencyLimitHoldsAcrossClaimers() {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(task(request(), "fragile", "erase", 1));
        }
        assertThat(claim("a", 5, NOW, 2)).hasSize(2);
        assertThat(claim("b", 5, NOW, 2)).isEmpty();
        long running = tasks.runningBySystem(NOW).get("fragile");
        assertThat(running).isEqualTo(2);
        TaskRecord one = tasks.forRequest(tasks.find(all.get(0)).orElseThrow().requestId()).get(0);
        tx.run(() -> tasks.finish(one.id(), one.leaseOwner(), TaskStatus.DONE, "{}", NOW));
        assertThat(claim("b", 5, NOW, 2)).hasSize(1);
    }

    private static Set<Long> ids(List<TaskRecord> claimed) {
        Set<Long> ids = new HashSet<>();
        claimed.forEach(t -> ids.add(t.id()));
        return ids;
    }
}
