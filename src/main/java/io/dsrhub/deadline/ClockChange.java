package io.dsrhub.deadline;

/**
 * The outcome of asking the engine to move a request's clock (pause, resume, extend).
 *
 * @param refusal why the change was not made, in words for the operator; null when it was made
 * @param clock   the request's clock afterwards
 * @param note    something the operator should know about a change that was made (a notice that could not be
 *                e-mailed), or null
 */
public record ClockChange(String refusal, RequestClock clock, String note) {

    static ClockChange made(RequestClock clock) {
        return new ClockChange(null, clock, null);
    }

    static ClockChange refused(String why, RequestClock clock) {
        return new ClockChange(why, clock, null);
    }

    public boolean isMade() {
        return refusal == null;
    }
}
