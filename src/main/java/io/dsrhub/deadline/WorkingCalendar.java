package io.dsrhub.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Which days are working days in one place: Monday to Friday, less the public holidays of a maintained holiday
 * library, corrected by a published calendar where there is one (days off, and weekend days that are worked).
 * A calendar without library data counts only the years its publisher has announced; for other years it falls back
 * to Monday to Friday and reports the year as uncovered, so the rule that used it can say so.
 */
public final class WorkingCalendar {

    private static final WorkingCalendar WEEKENDS_ONLY = new WorkingCalendar("", null, null);

    private final String code;
    private final IntFunction<Set<LocalDate>> libraryHolidays;
    private final PublishedCalendar published;
    private final ConcurrentHashMap<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    /**
     * @param libraryHolidays the holiday library's days off of a year, or null where the library has no calendar
     * @param published       the published calendar, or null
     */
    WorkingCalendar(String code, IntFunction<Set<LocalDate>> libraryHolidays, PublishedCalendar published) {
        this.code = code;
        this.libraryHolidays = libraryHolidays;
        this.published = published;
    }

    /** Monday to Friday, no holidays: what is left when no calendar is configured. */
    public static WorkingCalendar weekendsOnly() {
        return WEEKENDS_ONLY;
    }

    /** The code, such as {@code FI}, {@code GB-SCT} or {@code CN}; empty for {@link #weekendsOnly()}. */
    public String code() {
        return code;
    }

    public boolean isWeekendsOnly() {
        return code.isEmpty();
    }

    public boolean isWorkingDay(LocalDate day) {
        if (published != null) {
            var year = published.year(day.getYear());
            if (year.isPresent()) {
                if (year.get().workingDays().contains(day)) {
                    return true;
                }
                if (year.get().daysOff().contains(day)) {
                    return false;
                }
            }
        }
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return libraryHolidays == null
                || !holidaysByYear.computeIfAbsent(day.getYear(), libraryHolidays::apply).contains(day);
    }

    /** The years from {@code from} to {@code to} (inclusive) for which this calendar knows no holidays. */
    public List<Integer> uncoveredYears(LocalDate from, LocalDate to) {
        List<Integer> missing = new ArrayList<>();
        if (libraryHolidays != null || isWeekendsOnly()) {
            return missing;
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (published == null || published.year(year).isEmpty()) {
                missing.add(year);
            }
        }
        return missing;
    }

    @Override
    public String toString() {
        return isWeekendsOnly() ? "Monday to Friday" : code + " calendar";
    }
}
