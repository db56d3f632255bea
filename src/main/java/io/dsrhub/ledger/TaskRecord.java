package io.dsrhub.ledger;

import io.dsrhub.domain.TaskStatus;
import java.time.Instant;

/** One task of a request as the ledger holds it. */
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
        Instant updatedAt) {
}
