package io.dsrhub.deadline;

import static io.dsrhub.deadline.DeadlineFixtures.CALCULATOR;
import static io.dsrhub.deadline.DeadlineFixtures.FAR_PROMISE;
import static io.dsrhub.deadline.DeadlineFixtures.at;
import static io.dsrhub.deadline.DeadlineFixtures.clockOf;
import static io.dsrhub.deadline.DeadlineFixtures.controller;
import static io.dsrhub.deadline.DeadlineFixtures.d;
import static io.dsrhub.deadline.DeadlineFixtures.day;
import static io.dsrhub.deadline.DeadlineFixtures.regime;
import static io.dsrhub.deadline.DeadlineFixtures.subject;
import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.controller.Controller;
import io.dsrhub.domain.RequestType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's own rules: which regime, which calendar, provisional dates, pauses, and when an extension is allowed. */
class ClockCalculatorTest {

    private static final String ONE_MONTH =
            "{within: 1, unit: calendar-months, clock-starts: receipt, local-law-prevails: false}";
    private static final Controller FINNISH = controller("Europe/Helsinki", "FI", "[FI, EU]", ONE_MONTH);

    private static ExtensionDecision extend(Controller controller, ClockSubject subject, ClockFacts facts,
            String on, LocalDate until) {
        Regime regime = CALCULATOR.regimes().find(facts.regimeId()).orElse(null);
        return CALCULATOR.decideExtension(controller, regime, subject, facts,
                new ClockExtension(at(controller, on), "operator:ann", "many systems to search", until), d(on));
    }

    @Test
    void withoutAJurisdictionTheStrictestRegimeOfTheControllerCounts() {
        Controller chinese = controller("Asia/Shanghai", "CN", "[CN, SG, DE, US-CA]", FAR_PROMISE);
        RequestClock clock = clockOf(chinese, subject(chinese, null, "2025-06-02"));
        // 15 working days (provisional, from receipt) beat 30 days, one month and 45 days
        assertThat(clock.regimeId()).isEqualTo("cn-pipl");
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(d("2025-06-23"));
        assertThat(clock.date(DueDateKind.STATUTORY).orElseThrow().rule())
                .contains("no jurisdiction given: strictest regime of the controller's jurisdictions");
    }

    @Test
    void aJurisdictionNoRegimeCoversLeavesOnlyThePromise() {
        RequestClock clock = clockOf(FINNISH, subject(FINNISH, "JP", "2025-06-02"));
        assertThat(clock.regimeId()).isNull();
        assertThat(clock.dates()).extracting(DueDate::kind).containsExactly(DueDateKind.PROMISE);
        assertThat(clock.effective().orElseThrow().rule()).startsWith("Testco policy: within 1 calendar month");
    }

    @Test
    void theControllersCalendarCountsWhereTheRegimeCoversIt() {
        // a Finnish controller and a German subject: Finnish holidays (the controller's seat, inside the EU)
        Controller finnish = controller("Europe/Helsinki", "FI", "[EU]", FAR_PROMISE);
        assertThat(clockOf(finnish, subject(finnish, "DE", "2025-05-01")).calendarCode()).isEqualTo("FI");
        // a Chinese controller and a German subject: the subject's calendar
        Controller chinese = controller("Asia/Shanghai", "CN", "[EU]", FAR_PROMISE);
        assertThat(clockOf(chinese, subject(chinese, "DE", "2025-05-01")).calendarCode()).isEqualTo("DE");
        // a controller with no calendar and an EU-wide subject: Monday to Friday
        Controller none = controller("Europe/Brussels", null, "[EU]", FAR_PROMISE);
        assertThat(clockOf(none, subject(none, "EU", "2025-05-01")).calendarCode()).isEmpty();
        // a UK subject and a Finnish controller: the regime's default, England & Wales
        assertThat(clockOf(finnish, subject(finnish, "GB", "2025-05-01")).calendarCode()).isEqualTo("GB-ENG");
    }

    @Test
    void aClockThatStartsAtVerificationIsProvisionalUntilThen() {
        Controller chinese = controller("Asia/Shanghai", "CN", "[CN]",
                "{within: 30, unit: calendar-days, clock-starts: verification, local-law-prevails: false}");
        ClockSubject request = subject(chinese, "CN", "2025-09-01");
        RequestClock before = clockOf(chinese, request);
        assertThat(day(before, DueDateKind.PROMISE)).isEqualTo(d("2025-10-01"));
        assertThat(before.date(DueDateKind.PROMISE).orElseThrow().rule()).contains("provisional until identity is verified");
        assertThat(before.date(DueDateKind.STATUTORY).orElseThrow().rule()).contains("provisional");
        RequestClock after = clockOf(chinese, request, at(chinese, "2025-09-10"), List.of(), null);
        assertThat(day(after, DueDateKind.PROMISE)).isEqualTo(d("2025-10-10"));
        assertThat(after.date(DueDateKind.PROMISE).orElseThrow().rule()).contains("identity verification on 2025-09-10");
    }

    @Test
    void anOpenPauseRunsUntilToday() {
        Controller english = controller("Europe/London", "GB-ENG", "[GB]", FAR_PROMISE);
        ClockSubject request = subject(english, "GB", "2025-06-02");
        ClockPause open = new ClockPause(1, at(english, "2025-06-04"), null, "which account?", "operator:ann");
        ClockFacts facts = new ClockFacts("uk-gdpr", null, List.of(open), null);
        RequestClock onTheTenth = CALCULATOR.compute(english, regime("uk-gdpr"), request, facts, d("2025-06-10"));
        RequestClock onTheTwelfth = CALCULATOR.compute(english, regime("uk-gdpr"), request, facts, d("2025-06-12"));
        assertThat(day(onTheTenth, DueDateKind.STATUTORY)).isEqualTo(d("2025-07-09"));
        assertThat(day(onTheTwelfth, DueDateKind.STATUTORY)).isEqualTo(d("2025-07-11"));
    }

    @Test
    void aRegimeThatDoesNotStopTheClockIgnoresPauses() {
        ClockSubject request = subject(FINNISH, "FI", "2025-06-02");
        ClockPause pause = new ClockPause(1, at(FINNISH, "2025-06-04"), at(FINNISH, "2025-06-10"), "id", "x");
        RequestClock clock = clockOf(FINNISH, request, null, List.of(pause), null);
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(d("2025-07-02"));
    }

    @Test
    void anExtensionSupersedesTheStatutoryDateAndAPromiseThatCannotBePostponed() {
        ClockSubject request = subject(FINNISH, "FI", "2025-01-31");
        ExtensionDecision decision = extend(FINNISH, request, ClockFacts.fresh("eu-gdpr"), "2025-02-10", null);
        RequestClock clock = decision.clock();
        assertThat(clock.date(DueDateKind.STATUTORY).orElseThrow().inForce()).isFalse();
        assertThat(clock.date(DueDateKind.STATUTORY).orElseThrow().rule()).contains("extended on 2025-02-10 by operator:ann");
        assertThat(clock.date(DueDateKind.PROMISE).orElseThrow().inForce()).isFalse();
        assertThat(clock.date(DueDateKind.EXTENSION_NOTICE).orElseThrow().inForce()).isFalse();
        assertThat(clock.effective().orElseThrow()).satisfies(due -> {
            assertThat(due.kind()).isEqualTo(DueDateKind.EXTENDED);
            assertThat(due.dueOn()).isEqualTo(d("2025-04-30"));
        });
    }

    @Test
    void theOperatorMayChooseAnEarlierDateThanTheMaximumButNotALaterOne() {
        ClockSubject request = subject(FINNISH, "FI", "2025-01-31");
        ExtensionDecision shorter = extend(FINNISH, request, ClockFacts.fresh("eu-gdpr"), "2025-02-10", d("2025-03-31"));
        assertThat(shorter.clock().effective().orElseThrow().dueOn()).isEqualTo(d("2025-03-31"));
        assertThat(shorter.clock().effective().orElseThrow().rule()).contains("the operator set 2025-03-31");
        assertThat(extend(FINNISH, request, ClockFacts.fresh("eu-gdpr"), "2025-02-10", d("2025-05-02")).refusal())
                .contains("must not be after 2025-04-30");
        assertThat(extend(FINNISH, request, ClockFacts.fresh("eu-gdpr"), "2025-02-10", d("2025-02-28")).refusal())
                .contains("must be after the current deadline, 2025-02-28");
    }

    @Test
    void noExtensionAfterTheOriginalDeadlineNorASecondOne() {
        ClockSubject request = subject(FINNISH, "FI", "2025-01-31");
        assertThat(extend(FINNISH, request, ClockFacts.fresh("eu-gdpr"), "2025-03-01", null).refusal())
                .isEqualTo("the original deadline (2025-02-28) has passed; an extension must be notified before it");
        ClockFacts extended = ClockFacts.fresh("eu-gdpr").withExtension(
                new ClockExtension(at(FINNISH, "2025-02-03"), "operator:bo", "complex", null));
        assertThat(extend(FINNISH, request, extended, "2025-02-10", null).refusal())
                .contains("already extended on 2025-02-03");
    }

    @Test
    void noExtensionWhereTheLawHasNone() {
        Controller brazilian = controller("America/Sao_Paulo", "BR", "[BR]", FAR_PROMISE);
        assertThat(extend(brazilian, subject(brazilian, "BR", "2025-03-03"), ClockFacts.fresh("br-lgpd"),
                "2025-03-05", null).refusal()).isEqualTo("Brazil LGPD allows no extension for access");
    }

    @Test
    void anOptOutPartKeepsItsDeadlineSoExtendingAMixedRequestGainsNothing() {
        Controller californian = controller("America/Los_Angeles", "US-CA", "[US-CA]", FAR_PROMISE);
        ClockSubject mixed = subject(californian, "US-CA", "2025-03-03", RequestType.ACCESS, RequestType.OPT_OUT);
        RequestClock clock = clockOf(californian, mixed);
        assertThat(clock.date(DueDateKind.STATUTORY).orElseThrow().rule()).contains("for opt-out");
        assertThat(extend(californian, mixed, ClockFacts.fresh("us-ca-ccpa"), "2025-03-05", null).refusal())
                .startsWith("an extension would not move the deadline of 2025-03-24");
    }

    @Test
    void aRequestWhoseTypesAreNotKnownYetCountsUnderTheEarliestRule() {
        // an unclear e-mail (awaiting clarification) has no types yet; CCPA's opt-out rule (15 business days) is the
        // earliest, so it bounds the request until the subject says what they want
        Controller californian = controller("America/Los_Angeles", "US-CA", "[US-CA]", FAR_PROMISE);
        ClockSubject unclear = new ClockSubject(java.util.EnumSet.noneOf(RequestType.class), "US-CA",
                at(californian, "2025-03-03"));
        RequestClock clock = clockOf(californian, unclear);
        assertThat(clock.date(DueDateKind.STATUTORY)).isPresent();
        assertThat(day(clock, DueDateKind.STATUTORY)).isEqualTo(day(clockOf(californian,
                subject(californian, "US-CA", "2025-03-03", RequestType.OPT_OUT)), DueDateKind.STATUTORY));
    }

    @Test
    void withoutARegimeOnlyAPolicyThatAllowsPostponingCanBeExtended() {
        Controller ikotekLike = controller("America/New_York", "US", "[US]",
                "{within: 1, unit: calendar-months, clock-starts: receipt, extendable-to: {within: 45, unit: "
                        + "calendar-days}, local-law-prevails: true}");
        ExtensionDecision granted = extend(ikotekLike, subject(ikotekLike, "US", "2025-01-31"), ClockFacts.fresh(null),
                "2025-02-03", null);
        assertThat(granted.clock().effective().orElseThrow().kind()).isEqualTo(DueDateKind.PROMISE_EXTENDED);
        assertThat(granted.clock().effective().orElseThrow().dueOn()).isEqualTo(d("2025-03-17"));
        Controller strict = controller("America/New_York", "US", "[US]",
                "{within: 7, unit: business-days, clock-starts: receipt, local-law-prevails: false}");
        assertThat(extend(strict, subject(strict, "US", "2025-01-31"), ClockFacts.fresh(null), "2025-02-03", null)
                .refusal()).contains("policy allows no postponement");
    }

    @Test
    void everyRuleFitsItsColumnAndNamesItsSource() {
        RequestClock clock = clockOf(FINNISH, subject(FINNISH, "FI", "2025-05-01"));
        assertThat(clock.dates()).allSatisfy(date -> assertThat(date.rule()).hasSizeLessThanOrEqualTo(RuleText.MAX));
        assertThat(clock.date(DueDateKind.STATUTORY).orElseThrow().rule())
                .isEqualTo("EU GDPR (GDPR Art. 12(3); Reg. (EEC, Euratom) 1182/71 Art. 3): 1 calendar month from "
                        + "receipt on 2025-05-01; 2025-06-01 is not a working day (FI calendar): next working day");
        assertThat(Duration.between(clock.date(DueDateKind.PROMISE).orElseThrow().dueAt(),
                clock.date(DueDateKind.STATUTORY).orElseThrow().dueAt())).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aYearWithoutAStateCouncilNoticeIsSaidInTheRule() {
        Controller chinese = controller("Asia/Shanghai", "CN", "[CN]", FAR_PROMISE);
        RequestClock clock = clockOf(chinese, subject(chinese, "CN", "2026-12-20"));
        assertThat(clock.date(DueDateKind.STATUTORY).orElseThrow().rule())
                .contains("CN calendar has no data for 2027: Monday to Friday counted");
    }
}
