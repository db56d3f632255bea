package io.dsrhub.domain;

/** Where a subject request stands. Legal moves between them are kept in {@link StatusTransitions}. */
public enum RequestStatus {
    RECEIVED,
    AWAITING_CLARIFICATION,
    AWAITING_VERIFICATION,
    AWAITING_APPROVAL,
    VERIFIED,
    IN_PROGRESS,
    AWAITING_MANUAL,
    COMPLETED,
    PARTIALLY_COMPLETED,
    REJECTED,
    CANCELLED,
    EXPIRED_UNVERIFIED;

    public boolean isClosed() {
        return this == COMPLETED || this == PARTIALLY_COMPLETED || this == REJECTED
                || this == CANCELLED || this == EXPIRED_UNVERIFIED;
    }
}
