package io.dsrhub.deadline.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One request in a deadline notice. No personal data: ids, reference, status, types and dates only.
 *
 * @param daysLeft whole days from today to the due day in the controller's time zone; negative once passed
 * @param kind     which date the deadline is (STATUTORY, PROMISE, EXTENDED, ACKNOWLEDGEMENT, ...)
 */
public record NoticeEntry(String requestId, String reference, String controllerId, String status, Instant dueAt,
        LocalDate dueOn, long daysLeft, String kind, String rule, List<String> types) {
}
