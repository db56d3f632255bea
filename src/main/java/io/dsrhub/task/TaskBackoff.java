package io.dsrhub.task;

import java.time.Duration;

/**
 * When a failed task is tried again: the first retry delay, doubled with every attempt, capped; after
 * {@code maxAttempts} attempts the task is dead.
 */
public record TaskBackoff(int maxAttempts, Duration firstRetry, Duration maxRetry) {

    /** The wait after attempt number {@code attempts} failed. */
    public Duration after(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    /** A wait a system asked for ({@code Retry-After}), at least one second and at most the longest back-off. */
    public Duration capped(Duration asked) {
        Duration wait = asked.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : asked;
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
