package io.dsrhub.deadline;

import static io.dsrhub.deadline.DeadlineArithmetic.addBusinessDays;
import static io.dsrhub.deadline.DeadlineArithmetic.addMonthsClamped;
import static io.dsrhub.deadline.DeadlineArithmetic.count;
import static io.dsrhub.deadline.DeadlineArithmetic.endOfDay;
import static io.dsrhub.deadline.DeadlineArithmetic.rollForward;
import static io.dsrhub.deadline.DeadlineFixtures.calendar;
import static io.dsrhub.deadline.DeadlineFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.controller.PeriodUnit;
import io.dsrhub.deadline.DeadlineArithmetic.DayRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting periods: month ends, leap years, holidays, make-up working days, pauses, the end of the day. */
class DeadlineArithmeticTest {

    @Test
    void aMonthKeepsTheDayNumberAndClampsToTheLastDayOfShorterMonths() {
        // Reg. 1182/71 Art. 3(2)(c); ICO "How do we calculate a month?"
        assertThat(addMonthsClamped(d("2025-01-01"), 1)).isEqualTo(d("2025-02-01"));
        assertThat(addMonthsClamped(d("2025-01-30"), 1)).isEqualTo(d("2025-02-28"));
        assertThat(addMonthsClamped(d("2025-03-31"), 1)).isEqualTo(d("2025-04-30"));
        assertThat(addMonthsClamped(d("2025-08-31"), 3)).isEqualTo(d("2025-11-30"));
        assertThat(addMonthsClamped(d("2025-12-31"), 2)).isEqualTo(d("2026-02-28"));
    }

    @Test
    void leapYearsGiveTwentyNinthFebruaryAndOtherYearsDoNot() {
        assertThat(addMonthsClamped(d("2024-01-29"), 1)).isEqualTo(d("2024-02-29"));
        assertThat(addMonthsClamped(d("2024-01-31"), 1)).isEqualTo(d("2024-02-29"));
        assertThat(addMonthsClamped(d("2023-01-31"), 1)).isEqualTo(d("2023-02-28"));
        assertThat(addMonthsClamped(d("2024-02-29"), 12)).isEqualTo(d("2025-02-28"));
        assertThat(addMonthsClamped(d("2028-02-29"), 1)).isEqualTo(d("2028-03-29"));
        assertThat(DeadlineArithmetic.plusCalendarDays(d("2024-02-14"), 30)).isEqualTo(d("2024-03-15"));
        assertThat(DeadlineArithmetic.plusCalendarDays(d("2025-02-14"), 30)).isEqualTo(d("2025-03-16"));
    }

    @Test
    void rollingForwardSkipsWeekendsAndEveryHolidayInARow() {
        // Easter in England: Good Friday 18 Apr 2025, weekend, Easter Monday 21 Apr -> Tue 22 Apr
        assertThat(rollForward(d("2025-04-18"), calendar("GB-ENG"))).isEqualTo(d("2025-04-22"));
        // in Scotland Easter Monday is not a bank holiday
        assertThat(rollForward(d("2025-04-18"), calendar("GB-SCT"))).isEqualTo(d("2025-04-21"));
        // a working day stays
        assertThat(rollForward(d("2025-04-23"), calendar("GB-ENG"))).isEqualTo(d("2025-04-23"));
        // a substituted bank holiday: Christmas 2022 fell on a Sunday, Tuesday 27 Dec was the holiday
        assertThat(rollForward(d("2022-12-24"), calendar("GB-ENG"))).isEqualTo(d("2022-12-28"));
    }

    @Test
    void businessDaysAreTheWorkingDaysStrictlyAfterTheStartDay() {
        // CCPA regs s. 7021(a): the n-th business day after receipt; a Friday start gives Monday for one day
        assertThat(addBusinessDays(d("2025-01-03"), 1, WorkingCalendar.weekendsOnly())).isEqualTo(d("2025-01-06"));
        // a start on a Saturday or on a holiday counts from the next working day
        assertThat(addBusinessDays(d("2025-03-01"), 1, calendar("US-CA"))).isEqualTo(d("2025-03-03"));
        assertThat(addBusinessDays(d("2025-12-25"), 1, calendar("FI"))).isEqualTo(d("2025-12-29"));
        // Finnish Midsummer Eve (Fri 20 Jun 2025) is not a working day
        assertThat(addBusinessDays(d("2025-06-19"), 1, calendar("FI"))).isEqualTo(d("2025-06-23"));
    }

    @Test
    void observancesAreNotDaysOff() {
        // Lincoln's Birthday is marked in California but offices are open (jollyday: OBSERVANCE)
        assertThat(calendar("US-CA").isWorkingDay(d("2025-02-12"))).isTrue();
        // Cesar Chavez Day is a California state holiday
        assertThat(calendar("US-CA").isWorkingDay(d("2025-03-31"))).isFalse();
        assertThat(calendar("US").isWorkingDay(d("2025-03-31"))).isTrue();
    }

    @Test
    void chinaCountsWeekendMakeUpDaysAndSkipsTheGoldenWeek() {
        // 国务院办公厅关于2025年部分节假日安排的通知: 1-8 Oct off; Sun 28 Sep and Sat 11 Oct worked
        WorkingCalendar china = calendar("CN");
        assertThat(china.isWorkingDay(d("2025-09-28"))).isTrue();
        assertThat(china.isWorkingDay(d("2025-10-11"))).isTrue();
        assertThat(china.isWorkingDay(d("2025-10-08"))).isFalse();
        assertThat(china.isWorkingDay(d("2025-10-12"))).isFalse();
        // from Friday 26 Sep the first working day is the make-up Sunday
        assertThat(addBusinessDays(d("2025-09-26"), 1, china)).isEqualTo(d("2025-09-28"));
        assertThat(addBusinessDays(d("2025-09-30"), 1, china)).isEqualTo(d("2025-10-09"));
        // rolling forward from the holiday stops on the make-up Saturday only if it comes first
        assertThat(rollForward(d("2025-10-04"), china)).isEqualTo(d("2025-10-09"));
        assertThat(rollForward(d("2025-10-11"), china)).isEqualTo(d("2025-10-11"));
        // 2026 notice: Spring Festival 15-23 Feb off, Sat 14 Feb and Sat 28 Feb worked
        assertThat(china.isWorkingDay(d("2026-02-14"))).isTrue();
        assertThat(china.isWorkingDay(d("2026-02-23"))).isFalse();
        assertThat(addBusinessDays(d("2026-02-13"), 2, china)).isEqualTo(d("2026-02-24"));
    }

    @Test
    void aYearNoNoticeCoversCountsMondayToFridayAndSaysSo() {
        WorkingCalendar china = calendar("CN");
        assertThat(china.uncoveredYears(d("2026-12-01"), d("2027-01-20"))).containsExactly(2027);
        assertThat(china.uncoveredYears(d("2025-01-01"), d("2026-12-31"))).isEmpty();
        // 1 Jan 2027 is a Friday: without a notice it counts as a working day
        assertThat(china.isWorkingDay(d("2027-01-01"))).isTrue();
        // library calendars cover every year
        assertThat(calendar("FI").uncoveredYears(d("2030-01-01"), d("2031-01-01"))).isEmpty();
    }

    @Test
    void pausedDaysPushCalendarPeriodsBackAndAreNotCountedAsBusinessDays() {
        // DPA 2018 s.54(3C): from the day asked to the day answered, both included
        List<DayRange> pause = List.of(new DayRange(d("2025-06-04"), d("2025-06-10")));
        var month = count(d("2025-06-02"), 1, PeriodUnit.CALENDAR_MONTHS, true, calendar("GB-ENG"), pause);
        assertThat(month.raw()).isEqualTo(d("2025-07-02"));
        assertThat(month.pausedDays()).isEqualTo(7);
        assertThat(month.due()).isEqualTo(d("2025-07-09"));
        // 10 business days from Mon 2 Jun: without the pause Mon 16 Jun; 4-10 Jun hold 5 working days
        var days = count(d("2025-06-02"), 10, PeriodUnit.BUSINESS_DAYS, false, calendar("GB-ENG"), pause);
        assertThat(days.raw()).isEqualTo(d("2025-06-16"));
        assertThat(days.due()).isEqualTo(d("2025-06-23"));
        // a pause that begins after the running last day does not move it
        var late = count(d("2025-06-02"), 5, PeriodUnit.CALENDAR_DAYS, false, WorkingCalendar.weekendsOnly(),
                List.of(new DayRange(d("2025-06-20"), d("2025-06-22"))));
        assertThat(late.due()).isEqualTo(d("2025-06-07"));
    }

    @Test
    void theDayEndsAtMidnightOfTheControllersZoneAcrossDaylightSavingChanges() {
        ZoneId helsinki = ZoneId.of("Europe/Helsinki");
        assertThat(endOfDay(d("2025-03-29"), helsinki)).isEqualTo(Instant.parse("2025-03-29T21:59:59.999999999Z"));
        // summer time from 30 Mar 2025
        assertThat(endOfDay(d("2025-03-30"), helsinki)).isEqualTo(Instant.parse("2025-03-30T20:59:59.999999999Z"));
        assertThat(endOfDay(d("2025-03-30"), ZoneId.of("Asia/Shanghai")))
                .isEqualTo(Instant.parse("2025-03-30T15:59:59.999999999Z"));
    }
}
