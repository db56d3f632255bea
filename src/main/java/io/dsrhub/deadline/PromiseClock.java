package io.dsrhub.deadline;

import io.dsrhub.controller.ClockStart;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ResponsePromise;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates a new request gets from its controller's promise: counted from the day of receipt (day 0) in the
 * controller's time zone and ending at the end of the last day there. Calendar months keep the day number and clamp
 * to the month's last day. Business days here skip weekends only; public holidays are the deadline engine's work.
 */
public final class PromiseClock {

    public List<DueDate> datesFor(Controller controller, Instant receivedAt) {
        ResponsePromise promise = controller.promise();
        List<DueDate> dates = new ArrayList<>();
        if (promise.clockStarts() == ClockStart.RECEIPT) {
            LocalDate receiptDay = receivedAt.atZone(controller.timeZone()).toLocalDate();
            LocalDate due = add(receiptDay, promise.within(), promise.unit());
            dates.add(new DueDate(DueDateKind.PROMISE, due, endOf(due, controller),
                    controller.name() + " policy: " + describe(promise) + " from receipt"));
        }
        return dates;
    }

    static LocalDate add(LocalDate start, int amount, io.dsrhub.controller.PeriodUnit unit) {
        return switch (unit) {
            case CALENDAR_DAYS -> start.plusDays(amount);
            case CALENDAR_MONTHS -> start.plusMonths(amount);
            case BUSINESS_DAYS -> {
                LocalDate day = start;
                int counted = 0;
                while (counted < amount) {
                    day = day.plusDays(1);
                    if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        counted++;
                    }
                }
                yield day;
            }
        };
    }

    static Instant endOf(LocalDate day, Controller controller) {
        return day.atTime(LocalTime.MAX).atZone(controller.timeZone()).toInstant();
    }

    static String describe(ResponsePromise promise) {
        return "within " + promise.within() + " " + promise.unit().name().toLowerCase().replace('_', ' ');
    }
}
