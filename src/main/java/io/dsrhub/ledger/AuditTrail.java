package io.dsrhub.ledger;

import io.dsrhub.domain.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The append-only, hash-chained record of everything that happened to a request. Appends must run inside the
 * transaction of the change they record; they lock the request row so that events of one request are numbered
 * without gaps or forks even when several hub instances write at once.
 */
public final class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a status change. */
    public AuditEvent recordTransition(String requestId, String actor, String action, RequestStatus from,
            RequestStatus to, String detail) {
        return append(requestId, actor, action, from == null ? null : from.name(), to == null ? null : to.name(),
                detail);
    }

    /** Records an event that does not change the status (a message sent, an operator read, ...). */
    public AuditEvent record(String requestId, String actor, String action, String detail) {
        return append(requestId, actor, action, null, null, detail);
    }

    private AuditEvent append(String requestId, String actor, String action, String from, String to,
            String detail) {
        jdbc.sql("SELECT id FROM subject_request WHERE id = :id FOR UPDATE").param("id", requestId)
                .query(String.class).single();
        List<Object[]> last = jdbc.sql("SELECT seq, hash FROM audit_event WHERE request_id = :id "
                        + "ORDER BY seq DESC LIMIT 1")
                .param("id", requestId)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)})
                .list();
        int seq = last.isEmpty() ? 1 : (Integer) last.get(0)[0] + 1;
        String prevHash = last.isEmpty() ? null : (String) last.get(0)[1];
        Instant now = Timestamps.fromDb(Timestamps.toDb(clock.instant()));
        String clipped = detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail;
        String hash = AuditHash.of(prevHash, requestId, seq, now, actor, action, from, to, clipped);
        jdbc.sql("INSERT INTO audit_event (request_id, seq, occurred_at, actor, action, from_status, to_status, "
                        + "detail, prev_hash, hash) VALUES (:request, :seq, :at, :actor, :action, :from, :to, "
                        + ":detail, :prev, :hash)")
                .param("request", requestId)
                .param("seq", seq)
                .param("at", Timestamps.toDb(now))
                .param("actor", actor)
                .param("action", action)
                .param("from", from)
                .param("to", to)
                .param("detail", clipped)
                .param("prev", prevHash)
                .param("hash", hash)
                .update();
        return new AuditEvent(requestId, seq, now, actor, action, from, to, clipped, prevHash, hash);
    }

    public List<AuditEvent> of(String requestId) {
        return jdbc.sql("SELECT request_id, seq, occurred_at, actor, action, from_status, to_status, detail, "
                        + "prev_hash, hash FROM audit_event WHERE request_id = :id ORDER BY seq")
                .param("id", requestId)
                .query((rs, n) -> new AuditEvent(rs.getString(1), rs.getInt(2),
                        Timestamps.fromDb(rs.getObject(3, java.time.OffsetDateTime.class)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)))
                .list();
    }

    /**
     * Recomputes the chain of a request.
     *
     * @return the sequence number of the first event whose hash or link does not hold, or 0 when the chain is intact
     */
    public int firstBrokenLink(String requestId) {
        String expectedPrev = null;
        int expectedSeq = 1;
        for (AuditEvent event : of(requestId)) {
            boolean linked = event.seq() == expectedSeq
                    && (expectedPrev == null ? event.prevHash() == null : expectedPrev.equals(event.prevHash()));
            if (!linked || !AuditHash.of(event).equals(event.hash())) {
                return event.seq();
            }
            expectedPrev = event.hash();
            expectedSeq++;
        }
        return 0;
    }
}
