package io.dsrhub.ledger;

import io.dsrhub.domain.TaskStatus;
import java.time.Instant;

/**
 * One task of a request as the ledger holds it.
 *
 * @param stage  the task runs only when no task of its request with a lower stage is still open
 * @param input  what the task was planned with (JSON: request types, categories, retention terms, purge entries)
 * @param result what the task did (JSON, see docs/fulfilment.md)
 */
public record TaskRecord(
        long id,
        String requestId,
        String systemId,
        String action,
        TaskStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        String result,
        Instant createdAt,
        Instant updatedAt,
        int stage,
        String input,
        String leaseOwner,
        Instant leaseExpiresAt,
        Instant startedAt,
        Instant finishedAt) {
}
