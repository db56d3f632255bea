package io.dsrhub.deadline;

import io.dsrhub.deadline.escalation.DeadlineGauges;
import io.dsrhub.deadline.escalation.EscalationPass;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The escalation pass over 1,000,000 open requests in PostgreSQL (run with
 * {@code mvn -Pbench test -Dtest=EscalationPassBenchmark}). Requests are bulk-loaded with SQL: effective deadlines
 * spread evenly from one day ago to 90 days ahead (so about 1.1 % are overdue, 2.2 % within the escalation lead and
 * 5.5 % within the reminder lead), and one in ten with an acknowledgement deadline in the next 14 days and no
 * acknowledgement sent. Prints the time of a first pass (the whole backlog), a second pass with nothing new to
 * send (the steady state), a pass 15 minutes later (the usual increment), and a refresh of the deadline gauges.
 * Figures, not assertions.
 */
class EscalationPassBenchmark {

    private static final int REQUESTS = Integer.getInteger("dsr.bench.requests", 1_000_000);
    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    private static final MovableClock CLOCK = new MovableClock(NOW);
    private static TestDatabase database;
    private static TestMailServer mail;
    private static HubInstance hub;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = HubInstance.builder().database(database).mail(mail).bean("clock", CLOCK)
                .property("dsr.deadline.schedule", "0 0 0 1 1 ? 2099")
                .property("dsr.outbox.poll-delay", "3600000")
                .property("dsr.metrics.refresh-period", "3600000")
                .property("dsr.deadline.metrics-refresh-period", "3600000")
                .start();
        load();
    }

    @AfterAll
    static void stop() {
        hub.close();
        mail.close();
        database.close();
    }

    private static void load() throws Exception {
        long started = System.nanoTime();
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement requests = c.prepareStatement("""
                    INSERT INTO subject_request (id, reference, controller_id, channel, status, requester_kind,
                        language, received_at, updated_at, due_at)
                    SELECT md5(n::text)::uuid::text, 'BENCH-' || n,
                        (ARRAY['ironzon', 'iid2secure', 'ismarthomeq', 'isocket', 'ikotek'])[1 + n % 5], 'API',
                        (ARRAY['RECEIVED', 'AWAITING_VERIFICATION', 'VERIFIED', 'IN_PROGRESS'])[1 + n % 4], 'SUBJECT',
                        'en', ?::timestamptz - interval '20 days', ?::timestamptz,
                        ?::timestamptz - interval '1 day' + (n % 91000) * interval '1 day' / 1000
                    FROM generate_series(1, ?) AS n""");
                 PreparedStatement promises = c.prepareStatement("""
                    INSERT INTO request_due_date (request_id, kind, due_on, due_at, rule, in_force)
                    SELECT id, 'PROMISE', due_at::date, due_at, 'benchmark: the effective deadline', TRUE
                    FROM subject_request WHERE reference LIKE 'BENCH-%'""");
                 PreparedStatement acknowledgements = c.prepareStatement("""
                    INSERT INTO request_due_date (request_id, kind, due_on, due_at, rule, in_force)
                    SELECT md5(n::text)::uuid::text, 'ACKNOWLEDGEMENT', (?::timestamptz + (n % 14000) * interval '1 day' / 1000)::date,
                        ?::timestamptz + (n % 14000) * interval '1 day' / 1000, 'benchmark: acknowledge receipt', TRUE
                    FROM generate_series(1, ?, 10) AS n""")) {
                Timestamp now = Timestamp.from(NOW);
                requests.setTimestamp(1, now);
                requests.setTimestamp(2, now);
                requests.setTimestamp(3, now);
                requests.setInt(4, REQUESTS);
                requests.executeUpdate();
                promises.executeUpdate();
                acknowledgements.setTimestamp(1, now);
                acknowledgements.setTimestamp(2, now);
                acknowledgements.setInt(3, REQUESTS);
                acknowledgements.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                // statistics for the loaded tables only: an ANALYZE of the still empty audit_event would make
                // PostgreSQL scan it whole for every audit append until autovacuum analyses it again
                st.execute("ANALYZE subject_request");
                st.execute("ANALYZE request_due_date");
            }
        }
        System.out.printf("%nloaded %,d open requests (+ their due dates) in %.1f s%n", REQUESTS,
                (System.nanoTime() - started) / 1e9);
    }

    private static void report(String label, EscalationPass.Report report) {
        System.out.printf("%-44s %8.2f s  %,7d notices  %s%n", label, report.millis() / 1000.0, report.total(),
                report.notices());
    }

    @Test
    void escalationPassOverAMillionOpenRequests() {
        EscalationPass pass = hub.bean(EscalationPass.class);
        report("first pass (the whole backlog)", pass.run());
        report("second pass (nothing new)", pass.run());
        CLOCK.advance(Duration.ofMinutes(15));
        report("pass 15 minutes later (the usual increment)", pass.run());
        report("another pass (nothing new)", pass.run());
        DeadlineGauges gauges = hub.bean(DeadlineGauges.class);
        long started = System.nanoTime();
        gauges.refresh();
        System.out.printf("%-44s %8.2f s  open %,d, due within 7 days %,d, overdue %,d%n", "deadline gauges refresh",
                (System.nanoTime() - started) / 1e9, gauges.open(), gauges.dueSoon(), gauges.overdue());
    }
}
