package io.dsrhub.deadline.escalation;

/** Where the webhook call of a deadline dispatch stands. */
public enum WebhookStatus {
    /** no webhook is configured */
    NONE,
    /** waiting for its next attempt */
    PENDING,
    /** claimed by one hub instance, which holds a lease on it */
    SENDING,
    /** the receiver answered 2xx */
    SENT,
    /** given up after the last attempt */
    FAILED
}
