package io.dsrhub.verification;

import java.time.Instant;

/** One code sent for a request: its keyed hash, how often it was tried, and whether it may still be used. */
public record Challenge(String id, String requestId, String codeHash, State state, int attempts, Instant createdAt,
        Instant expiresAt) {

    public enum State {
        OPEN,
        USED,
        LOCKED,
        EXPIRED,
        SUPERSEDED
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
