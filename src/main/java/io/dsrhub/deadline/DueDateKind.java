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
    EXTENDED
}
