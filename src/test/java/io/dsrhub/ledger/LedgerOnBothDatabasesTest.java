package io.dsrhub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.dsrhub.deadline.DueDate;
import io.dsrhub.deadline.DueDateKind;
import io.dsrhub.domain.Channel;
import io.dsrhub.domain.IllegalTransitionException;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.domain.NewRequest;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.Requester;
import io.dsrhub.domain.RequesterKind;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same migrations and the same ledger behaviour on the embedded H2 database and on PostgreSQL: requests and
 * their rows, legal and illegal status changes, the hash-chained audit trail and idempotency keys.
 */
class LedgerOnBothDatabasesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:15:30.123456789Z"), ZoneOffset.UTC);

    private TestDatabase database;
    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private LedgerTransactions tx;
    private AuditTrail audit;
    private RequestLedger ledger;

    private void open(TestDatabase.Kind kind) {
        database = TestDatabase.create(kind);
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(database.username());
        dataSource.setMaximumPoolSize(8);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        tx = new LedgerTransactions(new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        audit = new AuditTrail(jdbc, CLOCK);
        ledger = new RequestLedger(jdbc, audit, CLOCK);
    }

    @AfterEach
    void close() {
        dataSource.close();
        database.close();
    }

    private static NewRequest request(String key) {
        return new NewRequest("isocket", EnumSet.of(RequestType.ACCESS, RequestType.ERASURE),
                List.of(Identity.raw(IdentityType.EMAIL, "Aino@Example.fi"), Identity.raw(IdentityType.PHONE, "+358 40 123 4567")),
                new Requester(RequesterKind.SUBJECT, "Aino", null), "FI", "FI", "fi", "details", Channel.API, key,
                null, CLOCK.instant());
    }

    private static List<DueDate> dates() {
        return List.of(new DueDate(DueDateKind.PROMISE, LocalDate.of(2026, 4, 2),
                Instant.parse("2026-04-02T20:59:59.999999Z"), "policy: within 1 calendar month"));
    }

    private SubjectRequest insert(String key) {
        return tx.inTransaction(() -> ledger.insert(request(key), "test", dates()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRequestIsStoredWithItsTypesIdentitiesAndDates(TestDatabase.Kind kind) {
        open(kind);
        SubjectRequest saved = insert("api:isocket:" + UUID.randomUUID());

        SubjectRequest read = ledger.find(saved.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(read.types()).containsExactlyInAnyOrder(RequestType.ACCESS, RequestType.ERASURE);
        assertThat(read.identities()).extracting(Identity::value).containsExactly("aino@example.fi", "+358401234567");
        assertThat(read.replyTo()).isEqualTo("aino@example.fi");
        assertThat(read.receivedAt()).isEqualTo(Instant.parse("2026-03-02T09:15:30.123456Z"));
        assertThat(read.dueAt()).isEqualTo(Instant.parse("2026-04-02T20:59:59.999999Z"));
        assertThat(ledger.dueDates(saved.id())).singleElement()
                .satisfies(d -> assertThat(d.rule()).isEqualTo("policy: within 1 calendar month"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void legalTransitionsAreAuditedInAnUnbrokenHashChain(TestDatabase.Kind kind) {
        open(kind);
        String id = insert("k1").id();
        tx.run(() -> ledger.transition(id, RequestStatus.AWAITING_VERIFICATION, "verifier", "code sent"));
        tx.run(() -> ledger.transition(id, RequestStatus.VERIFIED, "verifier", "code matched"));

        List<AuditEvent> events = audit.of(id);
        assertThat(events).extracting(AuditEvent::seq).containsExactly(1, 2, 3);
        assertThat(events).extracting(AuditEvent::toStatus)
                .containsExactly("RECEIVED", "AWAITING_VERIFICATION", "VERIFIED");
        assertThat(events.get(1).fromStatus()).isEqualTo("RECEIVED");
        assertThat(events.get(1).prevHash()).isEqualTo(events.get(0).hash());
        assertThat(events.get(2).prevHash()).isEqualTo(events.get(1).hash());
        assertThat(audit.firstBrokenLink(id)).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anIllegalTransitionIsRefusedAndChangesNothing(TestDatabase.Kind kind) {
        open(kind);
        String id = insert("k2").id();
        assertThatThrownBy(() -> tx.run(() -> ledger.transition(id, RequestStatus.COMPLETED, "x", "skip ahead")))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(ledger.find(id).orElseThrow().status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(audit.of(id)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void editingAnAuditEventBreaksTheChainAtThatEvent(TestDatabase.Kind kind) {
        open(kind);
        String id = insert("k3").id();
        tx.run(() -> ledger.transition(id, RequestStatus.AWAITING_VERIFICATION, "verifier", "code sent"));
        tx.run(() -> audit.record(id, "operator", "NOTE", "looked at it"));

        jdbc.sql("UPDATE audit_event SET detail = 'nothing to see' WHERE request_id = :id AND seq = 2")
                .param("id", id).update();

        assertThat(audit.firstBrokenLink(id)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deletingAnAuditEventBreaksTheChain(TestDatabase.Kind kind) {
        open(kind);
        String id = insert("k4").id();
        tx.run(() -> ledger.transition(id, RequestStatus.AWAITING_VERIFICATION, "verifier", "code sent"));
        tx.run(() -> ledger.transition(id, RequestStatus.VERIFIED, "verifier", "code matched"));

        jdbc.sql("DELETE FROM audit_event WHERE request_id = :id AND seq = 2").param("id", id).update();

        assertThat(audit.firstBrokenLink(id)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anIdempotencyKeyIsTakenOnce(TestDatabase.Kind kind) {
        open(kind);
        String first = insert("form:isocket:same-token").id();
        assertThatThrownBy(() -> insert("form:isocket:same-token")).isInstanceOf(DuplicateKeyException.class);
        assertThat(ledger.requestIdForKey("form:isocket:same-token")).contains(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subject_request").query(Long.class).single()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void ofTwoRacingIdenticalStatusChangesExactlyOneWins(TestDatabase.Kind kind) throws Exception {
        open(kind);
        String id = insert("k5").id();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> verify = () -> {
                try {
                    tx.run(() -> ledger.transition(id, RequestStatus.VERIFIED, "a", "race"));
                    return true;
                } catch (ConcurrentStatusChangeException | IllegalTransitionException lost) {
                    return false;
                }
            };
            Future<Boolean> a = pool.submit(verify);
            Future<Boolean> b = pool.submit(verify);
            assertThat(a.get() ^ b.get()).isTrue();
        } finally {
            pool.shutdown();
        }
        assertThat(audit.of(id)).hasSize(2);
        assertThat(audit.firstBrokenLink(id)).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void operatorsFilterByControllerStatusAndType(TestDatabase.Kind kind) {
        open(kind);
        String a = insert("k6").id();
        insert("k7");
        tx.run(() -> ledger.transition(a, RequestStatus.CANCELLED, "x", "test"));

        assertThat(ledger.search(new RequestFilter("isocket", RequestStatus.CANCELLED, null, 10, 0)))
                .extracting(SubjectRequest::id).containsExactly(a);
        assertThat(ledger.count(new RequestFilter(null, null, RequestType.ERASURE, 10, 0))).isEqualTo(2);
        assertThat(ledger.count(new RequestFilter(null, null, RequestType.OBJECTION, 10, 0))).isZero();
        assertThat(ledger.countByStatus()).containsEntry(RequestStatus.RECEIVED, 1L)
                .containsEntry(RequestStatus.CANCELLED, 1L).containsEntry(RequestStatus.COMPLETED, 0L);
    }
}
