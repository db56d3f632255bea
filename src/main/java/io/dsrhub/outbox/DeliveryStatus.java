package io.dsrhub.outbox;

/** Where an outbound message stands. */
public enum DeliveryStatus {
    /** waiting for its next attempt */
    PENDING,
    /** claimed by one hub instance, which holds a lease on it */
    SENDING,
    /** accepted by the mail server */
    SENT,
    /** gave up after the last attempt; escalated */
    FAILED
}
