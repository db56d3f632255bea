package io.dsrhub.ledger;

import java.time.Instant;

/** One entry of a request's audit trail. */
public record AuditEvent(
        String requestId,
        int seq,
        Instant occurredAt,
        String actor,
        String action,
        String fromStatus,
        String toStatus,
        String detail,
        String prevHash,
        String hash) {
}
