package io.dsrhub.verification;

import io.dsrhub.ledger.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts new requests and code attempts per identity and per source address in a sliding window, in the ledger (so
 * every hub instance counts the same). Keys are stored as keyed hashes, never as addresses.
 */
public final class RateLimits {

    /** What is counted; each has its own limit per window. */
    public enum Scope {
        REQUEST_PER_SOURCE,
        REQUEST_PER_IDENTITY,
        ATTEMPT_PER_SOURCE,
        CODE_PER_IDENTITY
    }

    private final JdbcClient jdbc;
    private final VerificationCodes codes;
    private final Clock clock;
    private final Duration window;
    private final Map<Scope, Integer> limits;

    public RateLimits(JdbcClient jdbc, VerificationCodes codes, Clock clock, Duration window, Map<Scope, Integer> limits) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.clock = clock;
        this.window = window;
        this.limits = Map.copyOf(limits);
        limits.forEach((scope, limit) -> {
            if (limit == null || limit < 1) {
                throw new IllegalArgumentException("dsr.verification.limits: " + scope + " must be at least 1");
            }
        });
    }

    /**
     * Counts one event for a key, unless the key has reached its limit in the window.
     *
     * @return whether the event is allowed
     */
    public boolean take(Scope scope, String key) {
        if (key == null || key.isBlank()) {
            return true;
        }
        Instant now = clock.instant();
        String hashed = codes.hash("rate:" + scope + ":" + key.strip().toLowerCase(java.util.Locale.ROOT));
        long used = jdbc.sql("SELECT COUNT(*) FROM verification_rate_event WHERE scope = :scope AND subject_key = :key "
                        + "AND at > :since")
                .param("scope", scope.name()).param("key", hashed).param("since", Timestamps.toDb(now.minus(window)))
                .query(Long.class).single();
        if (used >= limits.get(scope)) {
            return false;
        }
        jdbc.sql("INSERT INTO verification_rate_event (scope, subject_key, at) VALUES (:scope, :key, :at)")
                .param("scope", scope.name()).param("key", hashed).param("at", Timestamps.toDb(now)).update();
        return true;
    }

    /** Forgets events older than the window. */
    public int purge() {
        return jdbc.sql("DELETE FROM verification_rate_event WHERE at < :before")
                .param("before", Timestamps.toDb(clock.instant().minus(window))).update();
    }

    public Duration window() {
        return window;
    }
}
