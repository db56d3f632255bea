package io.dsrhub.deadline;

/** The dates a request's clock keeps. */
public enum DueDateKind {
    /** the date the law sets for the answer */
    STATUTORY,
    /** the date the controller's own policy promises */
    PROMISE,
    /** the date by which receipt must be acknowledged */
    ACKNOWLEDGEMENT,
    /** the last day on which an extension may be notified */
    EXTENSION_NOTICE,
    /** the answer date after an extension */
    EXTENDED,
    /** the date the controller's policy allows after a notice of delay */
    PROMISE_EXTENDED;

    /** STATUTORY, EXTENDED, PROMISE and PROMISE_EXTENDED: the earliest of these in force is the effective deadline. */
    public boolean isAnswerDeadline() {
        return this == STATUTORY || this == EXTENDED || this == PROMISE || this == PROMISE_EXTENDED;
    }
}
