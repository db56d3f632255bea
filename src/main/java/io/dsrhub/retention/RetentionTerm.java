package io.dsrhub.retention;

import java.time.Period;
import java.util.List;

/**
 * A retention rule as planned into an erasure task: the controller rule's id, period, start event and legal basis,
 * with the data-map categories the policy says it keeps.
 *
 * @param after the event the period runs from: {@code transaction} (the record's own date),
 *              {@code financial-year-end} (the end of the year of the record's date), or the erasure itself
 *              ({@code erasure}, {@code account-closure}, {@code relationship-end}, or none)
 */
public record RetentionTerm(String rule, List<String> categories, Period period, String after, String basis) {
}
