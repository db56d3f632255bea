package io.dsrhub.controller;

import java.time.Period;
import java.util.List;

/**
 * A legal duty to keep some data, which turns an erasure of that data into "retain, then purge".
 *
 * @param data   the data categories the rule covers
 * @param period how long the data is kept
 * @param after  the event the period runs from (for example {@code account-closure}, {@code transaction})
 * @param basis  the legal basis, reported to the subject
 */
public record RetentionRule(String id, List<String> data, Period period, String after, String basis) {
}
