package io.dsrhub.deadline;

import static io.dsrhub.deadline.DeadlineFixtures.CALCULATOR;
import static io.dsrhub.deadline.DeadlineFixtures.FAR_PROMISE;
import static io.dsrhub.deadline.DeadlineFixtures.at;
import static io.dsrhub.deadline.DeadlineFixtures.calendar;
import static io.dsrhub.deadline.DeadlineFixtures.clockOf;
import static io.dsrhub.deadline.DeadlineFixtures.controller;
import static io.dsrhub.deadline.DeadlineFixtures.d;
import static io.dsrhub.deadline.DeadlineFixtures.day;
import static io.dsrhub.deadline.DeadlineFixtures.subject;
import static io.dsrhub.deadline.DeadlineFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.controller.Controller;
import io.dsrhub.domain.RequestType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 18 worked cases of shared/reference/deadlines.md s. 5, each computed by the engine with the shipped
 * config/regimes.yaml and holiday calendars. Each test names its case and source.
 */
class WorkedDeadlineCasesTest {

    private static final Controller FINNISH = controller("Europe/Helsinki", "FI", "[FI, EU]", FAR_PROMISE);
    private static final Controller ENGLISH = controller("Europe/London", "GB-ENG", "[GB]", FAR_PROMISE);
    private static final Controller SCOTTISH = controller("Europe/London", "GB-SCT", "[GB]", FAR_PROMISE);
    private static final Controller CALIFORNIAN = controller("America/Los_Angeles", "US-CA", "[US-CA]", FAR_PROMISE);

    /** Extends a request as an operator would, the day after receipt. */
    private static RequestClock extended(Controller controller, ClockSubject subject) {
        Regime regime = CALCULATOR.regimeFor(controller, subject).orElseThrow();
        ClockExtension extension = new ClockExtension(subject.receivedAt().plusSeconds(86_400), "operator:test",
                "complex request", null);
        ExtensionDecision decision = CALCULATOR.decideExtension(controller, regime, subject,
                ClockFacts.fresh(regime.id()), extension, today(controller));
        assertThat(decision.refusal()).isNull();
        return decision.clock();
    }

    @Test
    void case01_gdprReceivedOn31JanuaryIsDueOn28FebruaryAndExtendsToThreeMonthsFromReceipt() {
        // GDPR Art. 12(3); Reg. 1182/71 Art. 3(2)(c); ICO "three months from the original start date"
        ClockSubject request = subject(FINNISH, "FI", "2025-01-31");
        RequestClock clock = clockOf(FINNISH, request);
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(d("2025-02-28"));
        assertThat(day(clock, DueDateKind.EXTENSION_NOTICE)).isEqualTo(d("2025-02-28"));
        RequestClock after = extended(FINNISH, request);
        assertThat(day(after, DueDateKind.EXTENDED)).isEqualTo(d("2025-04-30"));
        assertThat(after.effective().orElseThrow().kind()).isEqualTo(DueDateKind.EXTENDED);
    }

    @Test
    void case02_gdprReceivedOn31JanuaryOfALeapYearIsDueOn29February() {
        // GDPR Art. 12(3); month-end clamp (ICO example)
        assertThat(day(clockOf(FINNISH, subject(FINNISH, "FI", "2024-01-31")), DueDateKind.STATUTORY))
                .isEqualTo(d("2024-02-29"));
    }

    @Test
    void case03_gdprReceivedOnVappuCountsAndRollsPastSundayToMonday() {
        // receipt on a holiday still counts (ICO); Reg. 1182/71 Art. 3(4) roll: raw 2025-06-01 is a Sunday
        RequestClock clock = clockOf(FINNISH, subject(FINNISH, "FI", "2025-05-01"));
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(d("2025-06-02"));
        assertThat(clock.date(DueDateKind.STATUTORY).orElseThrow().rule())
                .contains("GDPR Art. 12(3)").contains("2025-06-01 is not a working day (FI calendar)");
    }

    @Test
    void case04_ukReceivedOnASaturdayStartsThatDay() {
        // ICO (Dec 2025): the day of receipt counts even when it is not a working day
        assertThat(day(clockOf(ENGLISH, subject(ENGLISH, "GB", "2025-08-30")), DueDateKind.STATUTORY))
                .isEqualTo(d("2025-09-30"));
    }

    @Test
    void case05_ukRollsPastChristmasAndBoxingDay() {
        // the ICO's own example: Mon 25 Nov 2024 -> Fri 27 Dec 2024
        assertThat(day(clockOf(ENGLISH, subject(ENGLISH, "GB", "2024-11-25")), DueDateKind.STATUTORY))
                .isEqualTo(d("2024-12-27"));
    }

    @Test
    void case06_ukRollsPastChristmasBoxingDayAndTheWeekend() {
        // ICO roll rule: raw Thu 25 Dec 2025, Fri 26 Dec bank holiday, weekend -> Mon 29 Dec
        assertThat(day(clockOf(ENGLISH, subject(ENGLISH, "GB", "2025-11-25")), DueDateKind.STATUTORY))
                .isEqualTo(d("2025-12-29"));
    }

    @Test
    void case07_theSummerBankHolidayRollsInEnglandButNotInScotland() {
        // jurisdiction-specific calendar: 25 Aug 2025 is a bank holiday in England & Wales, not in Scotland
        assertThat(day(clockOf(ENGLISH, subject(ENGLISH, "GB", "2025-07-25")), DueDateKind.STATUTORY))
                .isEqualTo(d("2025-08-26"));
        assertThat(day(clockOf(SCOTTISH, subject(SCOTTISH, "GB", "2025-07-25")), DueDateKind.STATUTORY))
                .isEqualTo(d("2025-08-25"));
    }

    @Test
    void case08_ukClockStartsWhenTheIdentityInformationArrivesAndRollsPastEaster() {
        // relevant time = receipt of the identity information (ICO; UK GDPR Art. 12A): request 10 Mar 2025, ID
        // asked 11 Mar, received 20 Mar; raw 20 Apr is Easter Sunday, 21 Apr Easter Monday -> 22 Apr
        ClockSubject request = subject(ENGLISH, "GB", "2025-03-10");
        RequestClock before = clockOf(ENGLISH, request);
        assertThat(day(before, DueDateKind.STATUTORY)).isEqualTo(d("2025-04-10"));
        RequestClock after = clockOf(ENGLISH, request, at(ENGLISH, "2025-03-20"), List.of(), null);
        assertThat(day(after, DueDateKind.STATUTORY)).isEqualTo(d("2025-04-22"));
        assertThat(after.date(DueDateKind.STATUTORY).orElseThrow().rule()).contains("relevant time on 2025-03-20");
    }

    @Test
    void case09_ukClarificationStopsTheClockFromTheDayAskedToTheDayAnswered() {
        // DPA 2018 s.54(3C) wording: 4-10 Jun 2025 inclusive (7 days) do not count; raw 2 Jul + 7 -> Wed 9 Jul
        ClockSubject request = subject(ENGLISH, "GB", "2025-06-02");
        ClockPause clarification = new ClockPause(1, at(ENGLISH, "2025-06-04"), at(ENGLISH, "2025-06-10"),
                "which account?", "operator:test");
        RequestClock clock = clockOf(ENGLISH, request, null, List.of(clarification), null);
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(d("2025-07-09"));
        assertThat(day(clock, DueDateKind.EXTENSION_NOTICE)).isEqualTo(d("2025-07-09"));
        assertThat(clock.date(DueDateKind.STATUTORY).orElseThrow().rule()).contains("+7 paused days");
    }

    @Test
    void case10_ccpaAcknowledgeInTenBusinessDaysAnswerInFortyFiveExtendToNinety() {
        // Cal. Code Regs. tit. 11 s. 7021(a),(b): received Sat 1 Mar 2025
        ClockSubject request = subject(CALIFORNIAN, "US-CA", "2025-03-01", RequestType.ACCESS, RequestType.ERASURE);
        RequestClock clock = clockOf(CALIFORNIAN, request);
        assertThat(day(clock, DueDateKind.ACKNOWLEDGEMENT)).isEqualTo(d("2025-03-14"));
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(d("2025-04-15"));
        assertThat(day(clock, DueDateKind.EXTENSION_NOTICE)).isEqualTo(d("2025-04-15"));
        assertThat(day(extended(CALIFORNIAN, request), DueDateKind.EXTENDED)).isEqualTo(d("2025-05-30"));
    }

    @Test
    void case11_ccpaOptOutCountsFifteenBusinessDaysOnTheCaliforniaCalendar() {
        // s. 7026(f): received Thu 20 Nov 2025; with CA state holidays (27, 28 Nov) -> Mon 15 Dec
        RequestClock clock = clockOf(CALIFORNIAN, subject(CALIFORNIAN, "US-CA", "2025-11-20", RequestType.OPT_OUT));
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(d("2025-12-15"));
        assertThat(clock.date(DueDateKind.ACKNOWLEDGEMENT)).isEmpty();
        assertThat(clock.date(DueDateKind.EXTENSION_NOTICE)).isEmpty();
        // the calendar choice matters: federal holidays only -> 12 Dec; no holidays -> 11 Dec
        assertThat(DeadlineArithmetic.addBusinessDays(d("2025-11-20"), 15, calendar("US"))).isEqualTo(d("2025-12-12"));
        assertThat(DeadlineArithmetic.addBusinessDays(d("2025-11-20"), 15, WorkingCalendar.weekendsOnly()))
                .isEqualTo(d("2025-12-11"));
    }

    @Test
    void case12_virginiaFortyFiveDaysExtendedToNinetyAndSixtyDaysForAnAppeal() {
        // Va. Code s. 59.1-577(B)(1) [V]; appeal 60 days [R]
        Controller virginian = controller("America/New_York", "US", "[US-VA]", FAR_PROMISE);
        ClockSubject request = subject(virginian, "US-VA", "2025-06-10");
        assertThat(day(clockOf(virginian, request), DueDateKind.STATUTORY)).isEqualTo(d("2025-07-25"));
        assertThat(day(extended(virginian, request), DueDateKind.EXTENDED)).isEqualTo(d("2025-09-08"));
        // appeals have no flow in the hub yet; the 60-day count itself:
        assertThat(DeadlineArithmetic.plusCalendarDays(d("2025-08-01"), 60)).isEqualTo(d("2025-09-30"));
    }

    @Test
    void case13_lgpdFifteenDaysEndOnASundayWithoutRolling() {
        // LGPD Art. 19 II: +15 = Sun 4 Jan 2026; the roll under Codigo Civil art. 132 is unresolved, the earlier
        // date is kept
        Controller brazilian = controller("America/Sao_Paulo", "BR", "[BR]", FAR_PROMISE);
        RequestClock clock = clockOf(brazilian, subject(brazilian, "BR", "2025-12-20"));
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(d("2026-01-04"));
        assertThat(clock.date(DueDateKind.EXTENSION_NOTICE)).isEmpty();
    }

    @Test
    void case14_pipedaThirtyDaysExtendedToSixty() {
        // PIPEDA s. 8(3)-(4): due Sun 16 Mar 2025 (no roll), notice by then, extended 15 Apr 2025
        Controller canadian = controller("America/Toronto", "CA", "[CA]", FAR_PROMISE);
        ClockSubject request = subject(canadian, "CA", "2025-02-14");
        RequestClock clock = clockOf(canadian, request);
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(d("2025-03-16"));
        assertThat(day(clock, DueDateKind.EXTENSION_NOTICE)).isEqualTo(d("2025-03-16"));
        assertThat(day(extended(canadian, request), DueDateKind.EXTENDED)).isEqualTo(d("2025-04-15"));
    }

    @Test
    void case15_chineseVendorCountsFromVerificationOnAMakeUpWorkingDay() {
        // GB/T 35273 s. 8.7 [R]; 国信办秘字〔2019〕191号 15 working days [V]; 2025 holiday notice [V]:
        // verified Sun 28 Sep 2025, itself a make-up working day; 1-8 Oct off, Sat 11 Oct worked
        Controller chinese = controller("Asia/Shanghai", "CN", "[CN]",
                "{within: 30, unit: calendar-days, clock-starts: verification, local-law-prevails: false}");
        ClockSubject request = subject(chinese, "CN", "2025-09-20");
        RequestClock clock = clockOf(chinese, request, at(chinese, "2025-09-28"), List.of(), null);
        assertThat(day(clock, DueDateKind.PROMISE)).isEqualTo(d("2025-10-28"));
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(d("2025-10-24"));
        assertThat(clock.effective().orElseThrow().kind()).isEqualTo(DueDateKind.STATUTORY);
        // Monday to Friday alone would wrongly give 17 Oct
        assertThat(DeadlineArithmetic.addBusinessDays(d("2025-09-28"), 15, WorkingCalendar.weekendsOnly()))
                .isEqualTo(d("2025-10-17"));
    }

    @Test
    void case16_singaporeAnswersOrGivesATimeframeWithinThirtyDays() {
        // PDPC guidance (30 calendar days); PDP Regulations 2021 reg. 5
        Controller singaporean = controller("Asia/Singapore", "SG", "[SG]", FAR_PROMISE);
        RequestClock clock = clockOf(singaporean, subject(singaporean, "SG", "2025-01-27"));
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(d("2025-02-26"));
        assertThat(day(clock, DueDateKind.EXTENSION_NOTICE)).isEqualTo(d("2025-02-26"));
    }

    @Test
    void case17_sevenBusinessDaysOnTheFinnishCalendarSkipChristmasAndNewYear() {
        // seed vendor promise "within 7 business days"; 24-26 Dec and 1 Jan are Finnish holidays
        Controller vendor = controller("Europe/Helsinki", "FI", null,
                "{within: 7, unit: business-days, clock-starts: receipt, local-law-prevails: false}");
        RequestClock clock = clockOf(vendor, subject(vendor, null, "2025-12-19"));
        assertThat(clock.regimeId()).isNull();
        assertThat(day(clock, DueDateKind.PROMISE)).isEqualTo(d("2026-01-05"));
        assertThat(DeadlineArithmetic.addBusinessDays(d("2025-12-19"), 7, WorkingCalendar.weekendsOnly()))
                .isEqualTo(d("2025-12-30"));
    }

    @Test
    void case18_usCompanyPolicyIsStricterThanTheCcpaUntilItIsPostponed() {
        // seed policy (Ikotek: one month, postponed to 45 days with notice) + s. 7021 for a California consumer
        Controller ikotekLike = controller("America/Los_Angeles", "US", "[US]",
                "{within: 1, unit: calendar-months, clock-starts: receipt, extendable-to: {within: 45, unit: "
                        + "calendar-days}, local-law-prevails: true}");
        ClockSubject request = subject(ikotekLike, "US-CA", "2025-01-31");
        RequestClock clock = clockOf(ikotekLike, request);
        assertThat(day(clock, DueDateKind.PROMISE)).isEqualTo(d("2025-02-28"));
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(d("2025-03-17"));
        assertThat(clock.effective().orElseThrow().dueOn()).isEqualTo(d("2025-02-28"));
        RequestClock after = extended(ikotekLike, request);
        assertThat(day(after, DueDateKind.PROMISE_EXTENDED)).isEqualTo(d("2025-03-17"));
        assertThat(day(after, DueDateKind.EXTENDED)).isEqualTo(d("2025-05-01"));
        assertThat(after.effective().orElseThrow().dueOn()).isEqualTo(d("2025-03-17"));
    }

    @Test
    void deadlinesEndAtTheEndOfTheLastDayInTheControllersTimeZone() {
        // Reg. 1182/71 Art. 3(2)(c) "expiry of the last hour"; ICO "until the end of"
        RequestClock clock = clockOf(FINNISH, subject(FINNISH, "FI", "2025-01-31"));
        Instant dueAt = clock.date(DueDateKind.STATUTORY).orElseThrow().dueAt();
        assertThat(dueAt).isEqualTo(Instant.parse("2025-02-28T21:59:59.999999999Z"));
        assertThat(LocalDate.ofInstant(dueAt, FINNISH.timeZone())).isEqualTo(d("2025-02-28"));
    }
}
