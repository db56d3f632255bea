package io.dsrhub.ledger;

import io.dsrhub.domain.TaskStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tasks of requests, one per (system, action). */
public final class TaskLedger {

    private final JdbcClient jdbc;

    public TaskLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TaskRecord> forRequest(String requestId) {
        return jdbc.sql("SELECT id, request_id, system_id, action, status, attempts, next_attempt_at, last_error, "
                        + "result, created_at, updated_at FROM request_task WHERE request_id = :id ORDER BY id")
                .param("id", requestId)
                .query((rs, n) -> new TaskRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        TaskStatus.valueOf(rs.getString(5)), rs.getInt(6),
                        Timestamps.fromDb(rs.getObject(7, OffsetDateTime.class)), rs.getString(8), rs.getString(9),
                        Timestamps.fromDb(rs.getObject(10, OffsetDateTime.class)),
                        Timestamps.fromDb(rs.getObject(11, OffsetDateTime.class))))
                .list();
    }
}
