package io.dsrhub.deadline;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every date of a request's clock, each with the rule that produced it.
 *
 * @param regimeId     the regime counted under, or null
 * @param calendarCode the working calendar the regime's dates were counted on ("" for Monday to Friday)
 */
public record RequestClock(String regimeId, String calendarCode, List<DueDate> dates) {

    /** The deadline that counts: the earliest answer date in force. */
    public Optional<DueDate> effective() {
        return dates.stream().filter(d -> d.inForce() && d.isAnswerDeadline())
                .min(Comparator.comparing(DueDate::dueAt).thenComparing(d -> d.kind().ordinal()));
    }

    public Optional<DueDate> date(DueDateKind kind) {
        return dates.stream().filter(d -> d.kind() == kind).findFirst();
    }
}
