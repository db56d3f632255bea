package io.dsrhub.deadline.escalation;

import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The optional webhook of deadline notices: each dispatch is POSTed as JSON by the
 * {@code deliver-deadline-webhooks} route, claimed with a lease (safe with several hub instances), retried with
 * exponential back-off and given up (FAILED, logged) after the last attempt. Each call carries
 * {@code Idempotency-Key: dsr-deadline-dispatch-<id>} (a retry after a lost answer repeats the key) and, signed with
 * the shared secret, {@code X-DSR-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}.
 */
public final class DeadlineWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineWebhooks.class);
    static final String DISPATCH_ID = "dsrDeadlineDispatchId";
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final LedgerTransactions tx;
    private final DeadlineSettings settings;
    private final Clock clock;

    public DeadlineWebhooks(JdbcClient jdbc, LedgerTransactions tx, DeadlineSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /** A dispatch to POST. */
    public record Call(long id, String event, String payload) {
    }

    /** Claims up to {@code limit} dispatches whose call is due (or whose sender's lease ran out). */
    public List<Call> claimDue(int limit) {
        if (!settings.hasWebhook()) {
            return List.of();
        }
        OffsetDateTime now = Timestamps.toDb(clock.instant());
        List<Long> candidates = jdbc.sql("SELECT id FROM deadline_dispatch WHERE (webhook_status = 'PENDING' AND "
                        + "webhook_next_attempt_at <= :now) OR (webhook_status = 'SENDING' AND webhook_lease_until < :now) "
                        + "ORDER BY webhook_next_attempt_at, id LIMIT :limit")
                .param("now", now).param("limit", limit).query(Long.class).list();
        List<Call> claimed = new ArrayList<>();
        for (Long id : candidates) {
            int won = jdbc.sql("UPDATE deadline_dispatch SET webhook_status = 'SENDING', webhook_lease_until = :until, "
                            + "webhook_attempts = webhook_attempts + 1 WHERE id = :id AND ((webhook_status = 'PENDING' "
                            + "AND webhook_next_attempt_at <= :now) OR (webhook_status = 'SENDING' AND "
                            + "webhook_lease_until < :now))")
                    .param("until", Timestamps.toDb(clock.instant().plus(LEASE))).param("id", id).param("now", now)
                    .update();
            if (won == 1) {
                claimed.add(jdbc.sql("SELECT id, track, stage, payload FROM deadline_dispatch WHERE id = :id")
                        .param("id", id)
                        .query((rs, n) -> new Call(rs.getLong(1), DeadlineDigests.event(
                                DeadlineTrack.valueOf(rs.getString(2)), EscalationStage.valueOf(rs.getString(3))),
                                rs.getString(4)))
                        .single());
            }
        }
        return claimed;
    }

    /** Turns the exchange into the HTTP call: the JSON body and only the headers the receiver needs. */
    public void prepare(Exchange exchange) {
        Call call = exchange.getIn().getBody(Call.class);
        exchange.setProperty(DISPATCH_ID, call.id());
        var message = exchange.getIn();
        message.removeHeaders("*");
        long timestamp = clock.instant().getEpochSecond();
        message.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        message.setHeader("Idempotency-Key", "dsr-deadline-dispatch-" + call.id());
        message.setHeader("X-DSR-Event", call.event());
        message.setHeader("X-DSR-Signature", "t=" + timestamp + ",v1=" + sign(timestamp + "." + call.payload()));
        message.setHeader("User-Agent", "dsr-hub");
        message.setBody(call.payload().getBytes(StandardCharsets.UTF_8));
    }

    public void markSent(Exchange exchange) {
        long id = exchange.getProperty(DISPATCH_ID, Long.class);
        jdbc.sql("UPDATE deadline_dispatch SET webhook_status = 'SENT', webhook_sent_at = :now, "
                        + "webhook_lease_until = NULL, webhook_last_error = NULL WHERE id = :id")
                .param("now", Timestamps.toDb(clock.instant())).param("id", id).update();
    }

    /** Records a failed call: back off and retry, or give up after the last attempt. */
    public void markFailed(Exchange exchange) {
        long id = exchange.getProperty(DISPATCH_ID, Long.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        // the URL is not repeated: a webhook URL may carry a token in its query
        String error = cause instanceof HttpOperationFailedException http ? "HTTP " + http.getStatusCode()
                + " from the webhook" : cause == null ? "unknown error"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        String clipped = error.length() > 2000 ? error.substring(0, 2000) : error;
        tx.run(() -> {
            int attempts = jdbc.sql("SELECT webhook_attempts FROM deadline_dispatch WHERE id = :id").param("id", id)
                    .query(Integer.class).single();
            if (attempts >= settings.webhookMaxAttempts()) {
                jdbc.sql("UPDATE deadline_dispatch SET webhook_status = 'FAILED', webhook_lease_until = NULL, "
                                + "webhook_last_error = :error WHERE id = :id")
                        .param("error", clipped).param("id", id).update();
                LOG.error("giving up on the deadline webhook of dispatch {} after {} attempts: {}", id, attempts,
                        clipped);
            } else {
                Instant next = clock.instant().plus(backoff(attempts));
                jdbc.sql("UPDATE deadline_dispatch SET webhook_status = 'PENDING', webhook_lease_until = NULL, "
                                + "webhook_last_error = :error, webhook_next_attempt_at = :next WHERE id = :id")
                        .param("error", clipped).param("next", Timestamps.toDb(next)).param("id", id).update();
                LOG.warn("deadline webhook of dispatch {} failed (attempt {}); next attempt at {}", id, attempts, next);
            }
        });
    }

    /** The wait before attempt {@code attempts + 1}: the first retry delay, doubled each time, at most six hours. */
    Duration backoff(int attempts) {
        Duration wait = settings.webhookFirstRetry().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        Duration cap = Duration.ofHours(6);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
