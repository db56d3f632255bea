package io.dsrhub.domain;

/** A status change that {@link StatusTransitions} does not allow. */
public class IllegalTransitionException extends RuntimeException {

    private final RequestStatus from;
    private final RequestStatus to;

    public IllegalTransitionException(RequestStatus from, RequestStatus to) {
        super("a request in status " + from + " cannot move to " + to);
        this.from = from;
        this.to = to;
    }

    public RequestStatus from() {
        return from;
    }

    public RequestStatus to() {
        return to;
    }
}
