package io.dsrhub.deadline;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.ledger.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The clock's rows in the ledger: {@code request_clock} (regime, verification, extension), {@code request_pause},
 * and the request's dates ({@code request_due_date}, {@code subject_request.due_at}). Writes run inside the caller's
 * transaction, after the caller has locked the request ({@link #lock}).
 */
public final class ClockStore {

    /** The statuses of requests still to be answered, whose deadlines matter. */
    public static final List<String> OPEN_STATUSES = java.util.Arrays.stream(RequestStatus.values())
            .filter(s -> !s.isClosed()).map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final Clock clock;

    public ClockStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Locks the request row so that clock changes of one request never interleave. */
    public void lock(String requestId) {
        jdbc.sql("SELECT id FROM subject_request WHERE id = :id FOR UPDATE").param("id", requestId)
                .query(String.class).single();
    }

    public void create(String requestId, String regimeId, String calendarCode) {
        jdbc.sql("INSERT INTO request_clock (request_id, regime_id, calendar_code, updated_at) "
                        + "VALUES (:id, :regime, :calendar, :now)")
                .param("id", requestId).param("regime", regimeId).param("calendar", calendarCode)
                .param("now", now()).update();
    }

    public Optional<ClockFacts> facts(String requestId) {
        List<ClockPause> pauses = jdbc.sql("SELECT id, paused_at, resumed_at, reason, actor FROM request_pause "
                        + "WHERE request_id = :id ORDER BY paused_at, id")
                .param("id", requestId)
                .query((rs, n) -> new ClockPause(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        instant(rs.getObject(3, OffsetDateTime.class)), rs.getString(4), rs.getString(5)))
                .list();
        return jdbc.sql("SELECT regime_id, verified_at, extended_at, extended_by, extension_reason, extended_until "
                        + "FROM request_clock WHERE request_id = :id")
                .param("id", requestId)
                .query((rs, n) -> {
                    Instant extendedAt = instant(rs.getObject(3, OffsetDateTime.class));
                    ClockExtension extension = extendedAt == null ? null : new ClockExtension(extendedAt,
                            rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class));
                    return new ClockFacts(rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class)), pauses,
                            extension);
                })
                .optional();
    }

    public String calendarCode(String requestId) {
        return jdbc.sql("SELECT calendar_code FROM request_clock WHERE request_id = :id").param("id", requestId)
                .query(String.class).optional().orElse("");
    }

    /** Records the first verification; a later one changes nothing. @return whether this one was recorded */
    public boolean verified(String requestId, Instant at) {
        return jdbc.sql("UPDATE request_clock SET verified_at = :at, updated_at = :now WHERE request_id = :id "
                        + "AND verified_at IS NULL")
                .param("at", Timestamps.toDb(at)).param("now", now()).param("id", requestId).update() == 1;
    }

    public void pause(String requestId, Instant at, String reason, String actor) {
        jdbc.sql("INSERT INTO request_pause (request_id, paused_at, reason, actor) VALUES (:id, :at, :reason, :actor)")
                .param("id", requestId).param("at", Timestamps.toDb(at)).param("reason", reason)
                .param("actor", actor).update();
    }

    /** Ends the open pause. @return whether there was one */
    public boolean resume(String requestId, Instant at) {
        return jdbc.sql("UPDATE request_pause SET resumed_at = :at WHERE request_id = :id AND resumed_at IS NULL")
                .param("at", Timestamps.toDb(at)).param("id", requestId).update() > 0;
    }

    public void extend(String requestId, ClockExtension extension) {
        jdbc.sql("UPDATE request_clock SET extended_at = :at, extended_by = :by, extension_reason = :reason, "
                        + "extended_until = :until, updated_at = :now WHERE request_id = :id")
                .param("at", Timestamps.toDb(extension.grantedAt())).param("by", extension.actor())
                .param("reason", extension.reason()).param("until", extension.until()).param("now", now())
                .param("id", requestId).update();
    }

    public void calendar(String requestId, String calendarCode) {
        jdbc.sql("UPDATE request_clock SET calendar_code = :calendar WHERE request_id = :id AND calendar_code <> :calendar")
                .param("calendar", calendarCode).param("id", requestId).update();
    }

    /** Replaces every date of the request and sets its effective deadline. */
    public void replaceDates(String requestId, List<DueDate> dates, Instant effective) {
        jdbc.sql("DELETE FROM request_due_date WHERE request_id = :id").param("id", requestId).update();
        for (DueDate date : dates) {
            jdbc.sql("INSERT INTO request_due_date (request_id, kind, due_on, due_at, rule, in_force) "
                            + "VALUES (:id, :kind, :on, :at, :rule, :inForce)")
                    .param("id", requestId).param("kind", date.kind().name()).param("on", date.dueOn())
                    .param("at", Timestamps.toDb(date.dueAt())).param("rule", date.rule())
                    .param("inForce", date.inForce()).update();
        }
        jdbc.sql("UPDATE subject_request SET due_at = :due WHERE id = :id")
                .param("due", Timestamps.toDb(effective)).param("id", requestId).update();
    }

    /** Requests whose clock is paused now (their dates move with every day the pause lasts). */
    public List<String> pausedRequests() {
        return jdbc.sql("SELECT DISTINCT p.request_id FROM request_pause p JOIN subject_request r ON r.id = p.request_id "
                        + "WHERE p.resumed_at IS NULL AND r.status IN (:open)")
                .param("open", OPEN_STATUSES).query(String.class).list();
    }

    private OffsetDateTime now() {
        return Timestamps.toDb(clock.instant());
    }

    private static Instant instant(OffsetDateTime value) {
        return Timestamps.fromDb(value);
    }
}
