package io.dsrhub.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An extension an operator granted and notified.
 *
 * @param until an earlier last day the operator chose than the law's maximum, or null
 */
public record ClockExtension(Instant grantedAt, String actor, String reason, LocalDate until) {
}
