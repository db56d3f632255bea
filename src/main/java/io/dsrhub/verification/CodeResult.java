package io.dsrhub.verification;

import io.dsrhub.domain.RequestStatus;

/**
 * What became of a code (or link) the requester entered.
 *
 * @param attemptsLeft after a wrong code, how many more may be tried
 * @param status       the request's status afterwards
 */
public record CodeResult(Kind kind, int attemptsLeft, RequestStatus status) {

    public enum Kind {
        /** the code was right: the request is verified, or goes on to an operator review */
        ACCEPTED,
        WRONG,
        /** too many wrong codes: a new code is needed */
        LOCKED,
        EXPIRED,
        /** the request is not waiting for a code (never was, or is verified or closed already) */
        NOT_AWAITING
    }
}
