package io.dsrhub.opendsr;

import io.dsrhub.domain.RequestStatus;

/** The four OpenDSR statuses (spec §8) and how the hub's statuses map onto them. */
public final class OpenDsrStatus {

    private OpenDsrStatus() {
    }

    public static String of(RequestStatus status) {
        return switch (status) {
            case RECEIVED, AWAITING_CLARIFICATION, AWAITING_VERIFICATION, AWAITING_APPROVAL -> "pending";
            case VERIFIED, IN_PROGRESS, AWAITING_MANUAL -> "in_progress";
            case COMPLETED, PARTIALLY_COMPLETED -> "completed";
            case REJECTED, CANCELLED, EXPIRED_UNVERIFIED -> "cancelled";
        };
    }
}
