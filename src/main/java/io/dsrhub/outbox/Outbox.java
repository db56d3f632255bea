package io.dsrhub.outbox;

import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messages waiting to be sent. A message is enqueued in the transaction of the change that causes it, so it is
 * never lost; delivery claims it with a lease (a conditional update, safe with several hub instances), and a failed
 * attempt is retried with exponential back-off until the last attempt, after which it is marked FAILED and audited.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;
    private final LedgerTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration lease;
    private final int maxAttempts;
    private final Duration firstRetry;

    public Outbox(JdbcClient jdbc, LedgerTransactions tx, AuditTrail audit, Clock clock, Duration lease,
            int maxAttempts, Duration firstRetry) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    /** Adds a message; call inside the transaction of the change that causes it. */
    public long enqueue(String requestId, String kind, String sender, String recipient, String subject, String body,
            String inReplyTo) {
        OffsetDateTime now = Timestamps.toDb(clock.instant());
        String messageId = MessageIds.forSender(sender);
        jdbc.sql("INSERT INTO outbound_message (request_id, kind, sender, recipient, subject, body, message_id, "
                        + "in_reply_to, status, attempts, next_attempt_at, created_at) VALUES (:request, :kind, "
                        + ":sender, :recipient, :subject, :body, :messageId, :inReplyTo, :status, 0, :now, :now)")
                .param("request", requestId).param("kind", kind).param("sender", sender)
                .param("recipient", recipient).param("subject", subject).param("body", body)
                .param("messageId", messageId).param("inReplyTo", inReplyTo)
                .param("status", DeliveryStatus.PENDING.name()).param("now", now)
                .update();
        if (requestId != null) {
            audit.record(requestId, "outbox", "MESSAGE_QUEUED", kind + " " + messageId);
        }
        return jdbc.sql("SELECT id FROM outbound_message WHERE message_id = :m").param("m", messageId)
                .query(Long.class).single();
    }

    /**
     * Claims up to {@code limit} messages that are due: pending ones whose next attempt has come, and ones whose
     * sender's lease ran out (a hub instance that died while sending).
     */
    public List<OutboundMessage> claimDue(int limit) {
        OffsetDateTime now = Timestamps.toDb(clock.instant());
        List<Long> candidates = jdbc.sql("SELECT id FROM outbound_message WHERE (status = 'PENDING' AND "
                        + "next_attempt_at <= :now) OR (status = 'SENDING' AND lease_until < :now) "
                        + "ORDER BY next_attempt_at, id LIMIT :limit")
                .param("now", now).param("limit", limit)
                .query(Long.class).list();
        List<OutboundMessage> claimed = new ArrayList<>();
        for (Long id : candidates) {
            int won = jdbc.sql("UPDATE outbound_message SET status = 'SENDING', lease_until = :until, "
                            + "attempts = attempts + 1 WHERE id = :id AND ((status = 'PENDING' AND "
                            + "next_attempt_at <= :now) OR (status = 'SENDING' AND lease_until < :now))")
                    .param("until", Timestamps.toDb(clock.instant().plus(lease))).param("id", id).param("now", now)
                    .update();
            if (won == 1) {
                claimed.add(find(id));
            }
        }
        return claimed;
    }

    public void markSent(long id) {
        tx.run(() -> {
            OffsetDateTime now = Timestamps.toDb(clock.instant());
            jdbc.sql("UPDATE outbound_message SET status = 'SENT', sent_at = :now, lease_until = NULL, "
                            + "last_error = NULL WHERE id = :id")
                    .param("now", now).param("id", id).update();
            OutboundMessage message = find(id);
            if (message.requestId() != null) {
                audit.record(message.requestId(), "outbox", "MESSAGE_SENT",
                        message.kind() + " " + message.messageId());
            }
        });
    }

    /** Records a failed attempt: back off and retry, or give up after the last attempt. */
    public void markFailed(long id, Throwable cause) {
        String error = cause == null ? null : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        tx.run(() -> {
            OutboundMessage message = find(id);
            String clipped = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
            if (message.attempts() >= maxAttempts) {
                jdbc.sql("UPDATE outbound_message SET status = 'FAILED', lease_until = NULL, last_error = :error "
                                + "WHERE id = :id")
                        .param("error", clipped).param("id", id).update();
                LOG.error("giving up on outbound message {} ({}) after {} attempts", id, message.kind(),
                        message.attempts());
                if (message.requestId() != null) {
                    audit.record(message.requestId(), "outbox", "MESSAGE_FAILED",
                            message.kind() + " " + message.messageId() + " after " + message.attempts() + " attempts");
                }
            } else {
                Instant next = clock.instant().plus(backoff(message.attempts()));
                jdbc.sql("UPDATE outbound_message SET status = 'PENDING', lease_until = NULL, last_error = :error, "
                                + "next_attempt_at = :next WHERE id = :id")
                        .param("error", clipped).param("next", Timestamps.toDb(next)).param("id", id).update();
                LOG.warn("outbound message {} ({}) attempt {} failed; next attempt at {}", id, message.kind(),
                        message.attempts(), next);
            }
        });
    }

    /** The wait before attempt {@code attempts + 1}: the first retry delay, doubled each time, at most six hours. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        Duration cap = Duration.ofHours(6);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    public OutboundMessage find(long id) {
        return jdbc.sql("SELECT * FROM outbound_message WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs)).single();
    }

    public List<OutboundMessage> forRequest(String requestId) {
        return jdbc.sql("SELECT * FROM outbound_message WHERE request_id = :id ORDER BY id").param("id", requestId)
                .query((rs, n) -> map(rs)).list();
    }

    public long countByStatus(DeliveryStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM outbound_message WHERE status = :s").param("s", status.name())
                .query(Long.class).single();
    }

    private static OutboundMessage map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String requestId = rs.getString("request_id");
        return new OutboundMessage(rs.getLong("id"), requestId, rs.getString("kind"), rs.getString("sender"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getString("message_id"),
                rs.getString("in_reply_to"), rs.getString("status"), rs.getInt("attempts"),
                rs.getString("last_error"), Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class)),
                Timestamps.fromDb(rs.getObject("sent_at", OffsetDateTime.class)));
    }
}
