package io.dsrhub.verification;

import java.time.Instant;

/**
 * Where a request's verification stands: the level it needs, whether the subject is on file (and the account
 * reference the data points are matched against), when verification was requested and when it was completed.
 */
public record VerificationRecord(String requestId, int level, boolean onFile, String accountRef, Instant requestedAt,
        Instant completedAt, String outcome) {
}
