package io.dsrhub.connector;

import java.time.Duration;

/**
 * The system asked to be called again later (HTTP 429 or 503 with {@code Retry-After}): the attempt counts as
 * failed, and the next one is due after the time the system named instead of the usual back-off.
 */
public class RetryAfter extends RuntimeException {

    private final transient Duration after;

    public RetryAfter(String message, Duration after) {
        super(message);
        this.after = after;
    }

    public Duration after() {
        return after;
    }
}
