package io.dsrhub.connector.opendsr;

import io.dsrhub.ledger.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OpenDSR requests the hub made to processors ({@code processor_exchange} rows with protocol {@code opendsr}): the
 * subject_request_id (chosen before the first POST, so a retry sends the same one), the signed receipt, and the
 * last signed status from a callback or a poll.
 */
public final class OpenDsrExchanges {

    static final String SUBMITTING = "submitting";

    /** One OpenDSR request to a processor. */
    public record Request(long taskId, String requestId, String systemId, String reference, String status,
            String receipt, String statusEvidence, Instant expectedAt, Instant sentAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public OpenDsrExchanges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Request> find(long taskId) {
        return jdbc.sql("SELECT * FROM processor_exchange WHERE task_id = :t AND protocol = 'opendsr'")
                .param("t", taskId).query(OpenDsrExchanges::map).optional();
    }

    Optional<Request> byReference(Collection<String> systemIds, String reference) {
        if (systemIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM processor_exchange WHERE protocol = 'opendsr' AND reference = :r "
                        + "AND system_id IN (:s)")
                .param("r", reference).param("s", List.copyOf(systemIds)).query(OpenDsrExchanges::map).optional();
    }

    void create(long taskId, String requestId, String systemId, String reference) {
        jdbc.sql("INSERT INTO processor_exchange (task_id, request_id, system_id, protocol, reference, status, "
                        + "reminders, updated_at) VALUES (:t, :r, :s, 'opendsr', :ref, 'submitting', 0, :now)")
                .param("t", taskId).param("r", requestId).param("s", systemId).param("ref", reference)
                .param("now", Timestamps.toDb(clock.instant())).update();
    }

    void submitted(long taskId, String status, String receipt, Instant expectedAt) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE processor_exchange SET status = :st, receipt = :rc, expected_at = :ex, sent_at = :now, "
                        + "updated_at = :now WHERE task_id = :t")
                .param("st", status).param("rc", receipt).param("ex", expectedAt == null ? null
                        : Timestamps.toDb(expectedAt)).param("now", Timestamps.toDb(now)).param("t", taskId).update();
    }

    /** Records a signed status (from a callback or a poll). */
    void status(long taskId, String status, String evidence, Instant expectedAt) {
        jdbc.sql("UPDATE processor_exchange SET status = :st, status_evidence = :ev, expected_at = COALESCE(:ex, "
                        + "expected_at), updated_at = :now WHERE task_id = :t")
                .param("st", status).param("ev", evidence).param("ex", expectedAt == null ? null
                        : Timestamps.toDb(expectedAt)).param("now", Timestamps.toDb(clock.instant()))
                .param("t", taskId).update();
    }

    private static Request map(ResultSet rs, int n) throws SQLException {
        return new Request(rs.getLong("task_id"), rs.getString("request_id"), rs.getString("system_id"),
                rs.getString("reference"), rs.getString("status"), rs.getString("receipt"),
                rs.getString("status_evidence"), instant(rs, "expected_at"), instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
