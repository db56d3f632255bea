package io.dsrhub.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One computed date of a request's clock.
 *
 * @param dueOn the last day, in the controller's time zone
 * @param dueAt the instant that day ends in the controller's time zone
 * @param rule  the rule that produced the date, in words, kept for the audit
 */
public record DueDate(DueDateKind kind, LocalDate dueOn, Instant dueAt, String rule) {
}
