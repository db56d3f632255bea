package io.dsrhub.domain;

import static io.dsrhub.domain.RequestStatus.AWAITING_APPROVAL;
import static io.dsrhub.domain.RequestStatus.AWAITING_CLARIFICATION;
import static io.dsrhub.domain.RequestStatus.AWAITING_MANUAL;
import static io.dsrhub.domain.RequestStatus.AWAITING_VERIFICATION;
import static io.dsrhub.domain.RequestStatus.CANCELLED;
import static io.dsrhub.domain.RequestStatus.COMPLETED;
import static io.dsrhub.domain.RequestStatus.EXPIRED_UNVERIFIED;
import static io.dsrhub.domain.RequestStatus.IN_PROGRESS;
import static io.dsrhub.domain.RequestStatus.PARTIALLY_COMPLETED;
import static io.dsrhub.domain.RequestStatus.RECEIVED;
import static io.dsrhub.domain.RequestStatus.REJECTED;
import static io.dsrhub.domain.RequestStatus.VERIFIED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says which request status may follow which. Every status change in the ledger
 * goes through {@link #check(RequestStatus, RequestStatus)}.
 */
public final class StatusTransitions {

    private static final Map<RequestStatus, Set<RequestStatus>> ALLOWED = new EnumMap<>(RequestStatus.class);

    static {
        ALLOWED.put(RECEIVED, EnumSet.of(AWAITING_CLARIFICATION, AWAITING_VERIFICATION, AWAITING_APPROVAL,
                VERIFIED, REJECTED, CANCELLED));
        ALLOWED.put(AWAITING_CLARIFICATION, EnumSet.of(RECEIVED, AWAITING_VERIFICATION, AWAITING_APPROVAL,
                VERIFIED, REJECTED, CANCELLED, EXPIRED_UNVERIFIED));
        ALLOWED.put(AWAITING_VERIFICATION, EnumSet.of(VERIFIED, AWAITING_APPROVAL, REJECTED, CANCELLED,
                EXPIRED_UNVERIFIED));
        ALLOWED.put(AWAITING_APPROVAL, EnumSet.of(AWAITING_VERIFICATION, VERIFIED, REJECTED, CANCELLED,
                EXPIRED_UNVERIFIED));
        ALLOWED.put(VERIFIED, EnumSet.of(IN_PROGRESS, COMPLETED, REJECTED, CANCELLED));
        ALLOWED.put(IN_PROGRESS, EnumSet.of(AWAITING_MANUAL, COMPLETED, PARTIALLY_COMPLETED, REJECTED, CANCELLED));
        ALLOWED.put(AWAITING_MANUAL, EnumSet.of(IN_PROGRESS, COMPLETED, PARTIALLY_COMPLETED, REJECTED, CANCELLED));
        for (RequestStatus closed : RequestStatus.values()) {
            if (closed.isClosed()) {
                ALLOWED.put(closed, EnumSet.noneOf(RequestStatus.class));
            }
        }
    }

    private StatusTransitions() {
    }

    public static boolean isAllowed(RequestStatus from, RequestStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<RequestStatus> nextFrom(RequestStatus from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }

    /** @throws IllegalTransitionException when {@code to} may not follow {@code from} */
    public static void check(RequestStatus from, RequestStatus to) {
        if (!isAllowed(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
    }
}
