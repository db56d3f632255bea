package io.dsrhub.deadline;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerFileReader;
import io.dsrhub.domain.RequestType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The shipped deadline rules ({@code config/regimes.yaml}, {@code config/holidays/}) and controllers described the
 * way controller files describe them, for unit tests of the engine.
 */
final class DeadlineFixtures {

    static final DeadlineRules RULES = DeadlineRules.load(Path.of("config/regimes.yaml"), Path.of("config/holidays"));
    static final ClockCalculator CALCULATOR = new ClockCalculator(RULES.regimes(), RULES.calendars());

    private DeadlineFixtures() {
    }

    /** A controller file in a few lines: the promise is a YAML flow mapping such as {within: 1, unit: ...}. */
    static Controller controller(String zone, String holidayCalendar, String jurisdictions, String promise) {
        String yaml = "id: test-controller\n"
                + "name: Testco\n"
                + "time-zone: " + zone + "\n"
                + (holidayCalendar == null ? "" : "holiday-calendar: " + holidayCalendar + "\n")
                + "languages: [en]\n"
                + "contact: {email: privacy@testco.example, privacy-officer: dpo@testco.example}\n"
                + (jurisdictions == null ? "" : "jurisdictions: " + jurisdictions + "\n")
                + "promise: " + promise + "\n"
                + "request-types: [access, erasure, opt-out, rectification]\n";
        return new ControllerFileReader().read("test-controller.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A promise so long that it never decides the effective deadline in a test about the law. */
    static final String FAR_PROMISE = "{within: 12, unit: calendar-months, clock-starts: receipt, local-law-prevails: false}";

    static Regime regime(String id) {
        return RULES.regimes().find(id).orElseThrow();
    }

    static WorkingCalendar calendar(String code) {
        return RULES.calendars().require(code);
    }

    /** Noon of a day in the controller's zone. */
    static Instant at(Controller controller, String day) {
        return LocalDate.parse(day).atTime(LocalTime.NOON).atZone(controller.timeZone()).toInstant();
    }

    static ClockSubject subject(Controller controller, String jurisdiction, String receivedOn, RequestType... types) {
        Set<RequestType> set = types.length == 0 ? EnumSet.of(RequestType.ACCESS) : EnumSet.copyOf(List.of(types));
        return new ClockSubject(set, jurisdiction, at(controller, receivedOn));
    }

    /** The clock of a new request under the regime its jurisdiction picks. */
    static RequestClock clockOf(Controller controller, ClockSubject subject) {
        return clockOf(controller, subject, null, List.of(), null);
    }

    static RequestClock clockOf(Controller controller, ClockSubject subject, Instant verifiedAt,
            List<ClockPause> pauses, ClockExtension extension) {
        Regime regime = CALCULATOR.regimeFor(controller, subject).orElse(null);
        ClockFacts facts = new ClockFacts(regime == null ? null : regime.id(), verifiedAt, pauses, extension);
        return CALCULATOR.compute(controller, regime, subject, facts, today(controller));
    }

    static LocalDate today(Controller controller) {
        return LocalDate.now(ZoneId.of(controller.timeZone().getId()));
    }

    static LocalDate day(RequestClock clock, DueDateKind kind) {
        return clock.date(kind).orElseThrow(() -> new AssertionError("no " + kind + " date in " + clock)).dueOn();
    }

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }
}
