package io.dsrhub.task;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settled requests waiting to be handed to {@code direct:request-fulfilled} (where the replies are built). The
 * record is written in the transaction that settles the request, then claimed for a short while by one hub
 * instance, handed on, and marked announced: every settled request is announced at least once, even across a crash.
 */
public final class FulfilmentAnnouncements {

    /** A settled request to announce. */
    public record Fulfilled(String requestId, RequestStatus outcome) {
    }

    private final JdbcClient jdbc;
    private final LedgerTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration claim;

    public FulfilmentAnnouncements(JdbcClient jdbc, LedgerTransactions tx, AuditTrail audit, Clock clock,
            Duration claim) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.claim = claim;
    }

    /** Records a settled request; call inside the transaction that settles it. */
    public void record(String requestId, RequestStatus outcome) {
        jdbc.sql("INSERT INTO request_fulfilment (request_id, outcome, settled_at) VALUES (:id, :outcome, :now)")
                .param("id", requestId).param("outcome", outcome.name()).param("now", Timestamps.toDb(clock.instant()))
                .update();
    }

    /** Claims settled requests that were not announced yet (or whose announcer died). */
    public List<Fulfilled> claimDue(int limit) {
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            List<Fulfilled> due = jdbc.sql("SELECT request_id, outcome FROM request_fulfilment WHERE announced_at IS NULL "
                            + "AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY settled_at LIMIT :n "
                            + "FOR UPDATE SKIP LOCKED")
                    .param("now", Timestamps.toDb(now)).param("n", limit)
                    .query((rs, n) -> new Fulfilled(rs.getString(1), RequestStatus.valueOf(rs.getString(2)))).list();
            List<String> ids = new ArrayList<>(due.stream().map(Fulfilled::requestId).toList());
            if (!ids.isEmpty()) {
                jdbc.sql("UPDATE request_fulfilment SET claimed_until = :until WHERE request_id IN (:ids)")
                        .param("until", Timestamps.toDb(now.plus(claim))).param("ids", ids).update();
            }
            return due;
        });
    }

    public void markAnnounced(String requestId) {
        jdbc.sql("UPDATE request_fulfilment SET announced_at = :now, claimed_until = NULL WHERE request_id = :id")
                .param("now", Timestamps.toDb(clock.instant())).param("id", requestId).update();
    }

    /** What {@code direct:request-fulfilled} does until the replies take it over: an audit line. */
    public void audit(String requestId, String outcome) {
        tx.run(() -> audit.record(requestId, "fan-in", "FULFILMENT_READY", "outcome=" + outcome
                + "; task results are in the ledger for the reply"));
    }
}
