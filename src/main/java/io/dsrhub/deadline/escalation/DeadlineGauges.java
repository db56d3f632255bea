package io.dsrhub.deadline.escalation;

import io.dsrhub.deadline.ClockStore;
import io.dsrhub.ledger.Timestamps;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deadline figures as Prometheus gauges, read from the ledger by the {@code deadline-gauges} route on a timer:
 * {@code dsr_deadline_requests{state="open"}} (requests still to be answered), {@code state="due-soon"} (effective
 * deadline within the reminder lead), {@code state="overdue"} (effective deadline passed), and
 * {@code dsr_deadline_breaches} (breach records kept).
 */
public final class DeadlineGauges {

    private final JdbcClient jdbc;
    private final DeadlineSettings settings;
    private final Clock clock;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong dueSoon = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong breaches = new AtomicLong();

    public DeadlineGauges(JdbcClient jdbc, DeadlineSettings settings, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        register(registry, "open", open, "open subject requests");
        register(registry, "due-soon", dueSoon, "open subject requests whose deadline is within the reminder lead");
        register(registry, "overdue", overdue, "open subject requests whose deadline has passed");
        Gauge.builder("dsr.deadline.breaches", breaches, AtomicLong::get)
                .description("breach records: deadlines that passed with the request still open").register(registry);
    }

    private static void register(MeterRegistry registry, String state, AtomicLong value, String description) {
        Gauge.builder("dsr.deadline.requests", value, AtomicLong::get).tag("state", state).description(description)
                .register(registry);
    }

    public void refresh() {
        Instant now = clock.instant();
        jdbc.sql("SELECT COUNT(*), COUNT(CASE WHEN due_at > :now AND due_at <= :soon THEN 1 END), "
                        + "COUNT(CASE WHEN due_at <= :now THEN 1 END) FROM subject_request WHERE status IN (:open)")
                .param("now", Timestamps.toDb(now)).param("soon", Timestamps.toDb(now.plus(settings.reminderLead())))
                .param("open", ClockStore.OPEN_STATUSES)
                .query(rs -> {
                    rs.next();
                    open.set(rs.getLong(1));
                    dueSoon.set(rs.getLong(2));
                    overdue.set(rs.getLong(3));
                    return Boolean.TRUE;
                });
        breaches.set(jdbc.sql("SELECT COUNT(*) FROM deadline_notice WHERE stage = 'BREACH'").query(Long.class).single());
    }

    public long open() {
        return open.get();
    }

    public long dueSoon() {
        return dueSoon.get();
    }

    public long overdue() {
        return overdue.get();
    }
}
