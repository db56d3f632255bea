package io.dsrhub.deadline;

/**
 * Whether an extension may be granted, and the clock it gives.
 *
 * @param refusal why not, in words for the operator; null when granted
 * @param clock   the clock with the extension; null when refused
 */
public record ExtensionDecision(String refusal, RequestClock clock) {

    static ExtensionDecision refused(String why) {
        return new ExtensionDecision(why, null);
    }

    static ExtensionDecision granted(RequestClock clock) {
        return new ExtensionDecision(null, clock);
    }

    public boolean isGranted() {
        return refusal == null;
    }
}
