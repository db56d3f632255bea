package io.dsrhub.connector.notice;

import java.time.Duration;
import java.util.List;

/**
 * A processor without an API ({@code type: notice}), asked by e-mail.
 *
 * @param processor    the processor's name as in the controller file ({@code processors[].name})
 * @param contact      its privacy contact; defaults to the controller file's {@code privacy-contact}
 * @param identifiers  the identity types the processor holds (order-number, email, phone, ...): those the notice
 *                     names
 * @param remindAfter  how long to wait for an answer before a reminder (default P7D)
 * @param maxReminders reminders before the task is escalated to the privacy officer (default 2)
 */
public record NoticeSystemFile(String id, String name, String type, Boolean demo, Integer maxConcurrency,
        java.util.List<io.dsrhub.fulfilment.DerivedIdentity> identitiesFrom,
        String processor, String contact, List<String> identifiers, List<String> categories, Duration remindAfter,
        Integer maxReminders) {
}
