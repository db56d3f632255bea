package io.dsrhub.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * One computed date of a request's clock.
 *
 * @param dueOn   the last day, in the controller's time zone
 * @param dueAt   the instant that day ends in the controller's time zone
 * @param rule    the rule that produced the date, in words, kept for the audit
 * @param inForce false for a date kept for the record but no longer binding (a statutory date after an
 *                extension, a promise superseded by a notice of delay, an extension-notice date once notified)
 */
public record DueDate(DueDateKind kind, LocalDate dueOn, Instant dueAt, String rule, boolean inForce) {

    private static final List<DueDateKind> SAME_DAY_ORDER = List.of(DueDateKind.PROMISE,
            DueDateKind.PROMISE_EXTENDED, DueDateKind.STATUTORY, DueDateKind.EXTENDED, DueDateKind.ACKNOWLEDGEMENT,
            DueDateKind.EXTENSION_NOTICE);

    /**
     * Earliest first; on the same instant the dates in force first, then the controller's promise (what the
     * subject was told), then the law's dates.
     */
    public static final Comparator<DueDate> CHRONOLOGICAL = Comparator.comparing(DueDate::dueAt)
            .thenComparing(d -> !d.inForce())
            .thenComparing(d -> SAME_DAY_ORDER.indexOf(d.kind()));

    /** A date in force. */
    public DueDate(DueDateKind kind, LocalDate dueOn, Instant dueAt, String rule) {
        this(kind, dueOn, dueAt, rule, true);
    }

    /** Whether the date is a deadline for the answer (rather than for an acknowledgement or a notice). */
    public boolean isAnswerDeadline() {
        return kind.isAnswerDeadline();
    }

    public DueDate superseded(String why) {
        return new DueDate(kind, dueOn, dueAt, RuleText.clip(rule + "; " + why), false);
    }
}
