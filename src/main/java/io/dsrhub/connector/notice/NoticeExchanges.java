package io.dsrhub.connector.notice;

import io.dsrhub.ledger.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notices e-mailed to processors ({@code processor_exchange} rows with protocol {@code notice}): when the notice and
 * reminders went out, and the answer threaded back.
 */
public final class NoticeExchanges {

    public static final String PROTOCOL = "notice";
    public static final String SENT = "SENT";
    public static final String ANSWERED = "ANSWERED";

    /** One notice. */
    public record Notice(long taskId, String requestId, String systemId, String status, String contact,
            String messageId, Instant sentAt, int reminders, Instant lastReminderAt, Instant answeredAt,
            String answer) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public NoticeExchanges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Notice> find(long taskId) {
        return jdbc.sql("SELECT * FROM processor_exchange WHERE task_id = :t AND protocol = 'notice'")
                .param("t", taskId).query(NoticeExchanges::map).optional();
    }

    /** Open notices of a request (sent, not answered). */
    public List<Notice> open(String requestId) {
        return jdbc.sql("SELECT * FROM processor_exchange WHERE request_id = :r AND protocol = 'notice' "
                + "AND status = 'SENT' ORDER BY task_id").param("r", requestId).query(NoticeExchanges::map).list();
    }

    void sent(long taskId, String requestId, String systemId, String contact, String messageId) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO processor_exchange (task_id, request_id, system_id, protocol, reference, status, "
                        + "contact, message_id, sent_at, reminders, updated_at) VALUES (:t, :r, :s, 'notice', NULL, "
                        + "'SENT', :c, :m, :now, 0, :now)")
                .param("t", taskId).param("r", requestId).param("s", systemId).param("c", contact)
                .param("m", messageId).param("now", Timestamps.toDb(now)).update();
    }

    void reminded(long taskId) {
        jdbc.sql("UPDATE processor_exchange SET reminders = reminders + 1, last_reminder_at = :now, updated_at = :now "
                + "WHERE task_id = :t").param("now", Timestamps.toDb(clock.instant())).param("t", taskId).update();
    }

    /** Records the processor's answer; returns whether the notice was still waiting for one. */
    public boolean answered(long taskId, String answer) {
        Instant now = clock.instant();
        return jdbc.sql("UPDATE processor_exchange SET status = 'ANSWERED', answered_at = :now, answer = :a, "
                        + "updated_at = :now WHERE task_id = :t AND status = 'SENT'")
                .param("now", Timestamps.toDb(now)).param("a", answer).param("t", taskId).update() == 1;
    }

    private static Notice map(ResultSet rs, int n) throws SQLException {
        return new Notice(rs.getLong("task_id"), rs.getString("request_id"), rs.getString("system_id"),
                rs.getString("status"), rs.getString("contact"), rs.getString("message_id"), instant(rs, "sent_at"),
                rs.getInt("reminders"), instant(rs, "last_reminder_at"), instant(rs, "answered_at"),
                rs.getString("answer"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
