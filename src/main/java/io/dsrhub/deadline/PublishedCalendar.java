package io.dsrhub.deadline;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A working calendar published year by year by an authority (China's State Council notice is the case in point):
 * the days off and the weekend days that are worked instead, for each year the publisher has announced.
 *
 * @param code  the calendar code, such as {@code CN}
 * @param years the announced years
 */
public record PublishedCalendar(String code, String name, Map<Integer, Year> years) {

    public Optional<Year> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /**
     * One announced year.
     *
     * @param source      the notice that announced it, quoted in every rule that counts on it
     * @param daysOff     days that are not working days
     * @param workingDays weekend days that are working days (make-up days)
     */
    public record Year(String source, Set<LocalDate> daysOff, Set<LocalDate> workingDays) {
    }
}
