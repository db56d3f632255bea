package io.dsrhub.opendsr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tells OpenDSR callers about every change of their request's OpenDSR status (spec §8.5: callbacks on every state
 * change, retried when they fail). A callback is due when the request's current OpenDSR status differs from the
 * last one its URL acknowledged; it is claimed with a lease (safe with several hub instances), sent signed by the
 * {@code opendsr-callbacks} route, and retried with back-off until {@code maxAttempts}, after which it is audited
 * as failed.
 */
public final class StatusCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(StatusCallbacks.class);
    private static final String OPENDSR_STATUS_SQL;

    static {
        StringBuilder sql = new StringBuilder("CASE r.status");
        for (RequestStatus status : RequestStatus.values()) {
            sql.append(" WHEN '").append(status.name()).append("' THEN '").append(OpenDsrStatus.of(status)).append("'");
        }
        OPENDSR_STATUS_SQL = sql.append(" END").toString();
    }

    private final ObjectMapper json = new ObjectMapper();
    private final JdbcClient jdbc;
    private final LedgerTransactions tx;
    private final RequestLedger ledger;
    private final AuditTrail audit;
    private final ResponseSigner signer;
    private final Clock clock;
    private final String processorDomain;
    private final Duration lease;
    private final int maxAttempts;
    private final Duration firstRetry;

    public StatusCallbacks(JdbcClient jdbc, LedgerTransactions tx, RequestLedger ledger, AuditTrail audit,
            ResponseSigner signer, Clock clock, String processorDomain, Duration lease, int maxAttempts,
            Duration firstRetry) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.audit = audit;
        this.signer = signer;
        this.clock = clock;
        this.processorDomain = processorDomain;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    /** Claims up to {@code limit} callbacks whose caller has not yet been told the request's current status. */
    public List<StatusCallback> claimDue(int limit) {
        OffsetDateTime now = Timestamps.toDb(clock.instant());
        List<String[]> candidates = jdbc.sql("SELECT c.request_id, c.url FROM opendsr_callback c "
                        + "JOIN subject_request r ON r.id = c.request_id "
                        + "WHERE (c.last_status IS NULL OR c.last_status <> " + OPENDSR_STATUS_SQL + ") "
                        + "AND c.attempts < :max "
                        + "AND (c.next_attempt_at IS NULL OR c.next_attempt_at <= :now) "
                        + "AND (c.lease_until IS NULL OR c.lease_until < :now) "
                        + "ORDER BY r.updated_at LIMIT :limit")
                .param("max", maxAttempts).param("now", now).param("limit", limit)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        List<StatusCallback> claimed = new ArrayList<>();
        for (String[] candidate : candidates) {
            int won = jdbc.sql("UPDATE opendsr_callback SET lease_until = :until, attempts = attempts + 1 "
                            + "WHERE request_id = :id AND url = :url AND (lease_until IS NULL OR lease_until < :now)")
                    .param("until", Timestamps.toDb(clock.instant().plus(lease))).param("id", candidate[0])
                    .param("url", candidate[1]).param("now", now).update();
            if (won == 1) {
                ledger.find(candidate[0]).ifPresent(request -> claimed.add(callbackFor(request, candidate[1])));
            }
        }
        return claimed;
    }

    private StatusCallback callbackFor(SubjectRequest request, String url) {
        String status = OpenDsrStatus.of(request.status());
        ObjectNode body = json.createObjectNode();
        body.put("controller_id", request.controllerId());
        body.put("expected_completion_time", (request.dueAt() != null ? request.dueAt()
                : request.receivedAt().plus(Duration.ofDays(30))).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("status_callback_url", url);
        body.put("subject_request_id", request.externalId());
        body.put("request_status", status);
        body.put("api_version", OpenDsrApi.API_VERSION);
        String text = body.toString();
        return new StatusCallback(request.id(), url, status, text, signer.sign(text), processorDomain, "X-OpenDSR-");
    }

    public void delivered(StatusCallback callback) {
        String requestId = callback.requestId();
        String url = callback.url();
        String status = callback.status();
        tx.run(() -> {
            jdbc.sql("UPDATE opendsr_callback SET last_status = :status, attempts = 0, next_attempt_at = NULL, "
                            + "lease_until = NULL, last_error = NULL WHERE request_id = :id AND url = :url")
                    .param("status", status).param("id", requestId).param("url", url).update();
            audit.record(requestId, "opendsr", "CALLBACK_SENT", "status " + status + " to " + hostOf(url));
        });
    }

    public void failed(StatusCallback callback, Throwable cause) {
        String requestId = callback.requestId();
        String url = callback.url();
        String error = cause == null ? null : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        tx.run(() -> {
            int attempts = jdbc.sql("SELECT attempts FROM opendsr_callback WHERE request_id = :id AND url = :url")
                    .param("id", requestId).param("url", url).query(Integer.class).single();
            Instant next = clock.instant().plus(firstRetry.multipliedBy(1L << Math.min(attempts - 1, 16)));
            String clipped = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
            jdbc.sql("UPDATE opendsr_callback SET lease_until = NULL, next_attempt_at = :next, last_error = :error "
                            + "WHERE request_id = :id AND url = :url")
                    .param("next", Timestamps.toDb(next)).param("error", clipped).param("id", requestId)
                    .param("url", url).update();
            if (attempts >= maxAttempts) {
                LOG.error("giving up on the OpenDSR callback of request {} after {} attempts", requestId, attempts);
                audit.record(requestId, "opendsr", "CALLBACK_FAILED", "to " + hostOf(url) + " after " + attempts
                        + " attempts");
            }
        });
    }

    private static String hostOf(String url) {
        try {
            return java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "an invalid URL";
        }
    }
}
