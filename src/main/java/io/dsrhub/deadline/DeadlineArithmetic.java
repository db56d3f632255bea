package io.dsrhub.deadline;

import io.dsrhub.controller.PeriodUnit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * How periods are counted (shared/reference/deadlines.md s. 0). The day the period starts is day 0.
 * <ul>
 *   <li>Calendar months: the same day number n months later, clamped to the month's last day (31 January + 1
 *   month = 28 or 29 February; Reg. 1182/71 Art. 3(2)(c), ICO).</li>
 *   <li>Calendar days: the start plus n days.</li>
 *   <li>Business days: the n-th working day strictly after the start day, on a working calendar.</li>
 *   <li>Roll-forward: a last day that is not a working day moves to the next working day (Reg. 1182/71 Art. 3(4)).</li>
 *   <li>Pauses: every day of a pause, from the day it began to the day it ended (both included), that falls on or
 *   before the running last day pushes the last day back by one day; for business days paused days are not
 *   counted (DPA 2018 s.54(3C) wording).</li>
 *   <li>A deadline ends at the end of its last day in the controller's time zone.</li>
 * </ul>
 */
public final class DeadlineArithmetic {

    private DeadlineArithmetic() {
    }

    /** A stretch of whole days, both ends included. */
    public record DayRange(LocalDate first, LocalDate last) {

        public long days() {
            return ChronoUnit.DAYS.between(first, last) + 1;
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    /**
     * The outcome of counting one period.
     *
     * @param raw         the last day before pauses and roll-forward
     * @param due         the last day
     * @param pausedDays  days the pauses added
     * @param rolledFrom  the day that was not a working day, or null when nothing rolled
     */
    public record Count(LocalDate raw, LocalDate due, long pausedDays, LocalDate rolledFrom) {
    }

    public static LocalDate addMonthsClamped(LocalDate start, int months) {
        return start.plusMonths(months);
    }

    public static LocalDate plusCalendarDays(LocalDate start, int days) {
        return start.plusDays(days);
    }

    /** The n-th working day strictly after {@code start}. */
    public static LocalDate addBusinessDays(LocalDate start, int days, WorkingCalendar calendar) {
        return addBusinessDays(start, days, calendar, List.of());
    }

    static LocalDate addBusinessDays(LocalDate start, int days, WorkingCalendar calendar, List<DayRange> paused) {
        LocalDate day = start;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            LocalDate candidate = day;
            if (calendar.isWorkingDay(candidate) && paused.stream().noneMatch(p -> p.contains(candidate))) {
                counted++;
            }
        }
        return day;
    }

    /** {@code day} itself if it is a working day, else the next working day. */
    public static LocalDate rollForward(LocalDate day, WorkingCalendar calendar) {
        LocalDate next = day;
        while (!calendar.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The last instant of {@code day} in {@code zone}. */
    public static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.atTime(LocalTime.MAX).atZone(zone).toInstant();
    }

    /** Counts a period from {@code start}, with pauses and roll-forward as the limit says. */
    public static Count count(LocalDate start, int within, PeriodUnit unit, boolean rollForward,
            WorkingCalendar calendar, List<DayRange> pauses) {
        List<DayRange> sorted = pauses.stream()
                .filter(p -> !p.last().isBefore(start))
                .map(p -> p.first().isBefore(start) ? new DayRange(start, p.last()) : p)
                .sorted(Comparator.comparing(DayRange::first))
                .toList();
        LocalDate raw = switch (unit) {
            case CALENDAR_MONTHS -> addMonthsClamped(start, within);
            case CALENDAR_DAYS -> plusCalendarDays(start, within);
            case BUSINESS_DAYS -> addBusinessDays(start, within, calendar);
        };
        LocalDate due = raw;
        long paused = 0;
        if (unit == PeriodUnit.BUSINESS_DAYS) {
            due = addBusinessDays(start, within, calendar, sorted);
            paused = ChronoUnit.DAYS.between(raw, due);
        } else {
            for (DayRange pause : sorted) {
                if (!pause.first().isAfter(due)) {
                    due = due.plusDays(pause.days());
                    paused += pause.days();
                }
            }
        }
        LocalDate rolledFrom = null;
        if (rollForward) {
            LocalDate rolled = rollForward(due, calendar);
            if (!rolled.equals(due)) {
                rolledFrom = due;
                due = rolled;
            }
        }
        return new Count(raw, due, paused, rolledFrom);
    }
}
