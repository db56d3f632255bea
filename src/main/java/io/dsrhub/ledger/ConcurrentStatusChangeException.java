package io.dsrhub.ledger;

import io.dsrhub.domain.RequestStatus;

/** Another writer changed the request's status between our read and our update. */
public class ConcurrentStatusChangeException extends RuntimeException {

    public ConcurrentStatusChangeException(String requestId, RequestStatus from, RequestStatus to) {
        super("request " + requestId + " left status " + from + " before it could move to " + to);
    }
}
