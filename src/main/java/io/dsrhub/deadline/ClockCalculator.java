package io.dsrhub.deadline;

import io.dsrhub.controller.ClockStart;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ResponsePromise;
import io.dsrhub.deadline.DeadlineArithmetic.Count;
import io.dsrhub.deadline.DeadlineArithmetic.DayRange;
import io.dsrhub.domain.RequestType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes a request's clock from its regime, its controller's promise and what happened to it (verification,
 * pauses, an extension). Pure: no database, no clock of its own; the same facts always give the same dates.
 *
 * <p>The dates it keeps: STATUTORY (the earliest response date over the rules of the request's types),
 * EXTENSION_NOTICE (the last day to notify an extension: the original statutory date), ACKNOWLEDGEMENT, EXTENDED
 * (after an extension), PROMISE (the controller's policy) and PROMISE_EXTENDED (the policy's postponed date). Each
 * carries the rule that produced it. The effective deadline is the earliest answer date in force.
 */
public final class ClockCalculator {

    private final RegimeCatalogue regimes;
    private final WorkingCalendars calendars;

    public ClockCalculator(RegimeCatalogue regimes, WorkingCalendars calendars) {
        this.regimes = regimes;
        this.calendars = calendars;
    }

    public RegimeCatalogue regimes() {
        return regimes;
    }

    /**
     * The regime a new request is counted under: the one of its jurisdiction (or country); if it names none, the
     * strictest (earliest statutory date) of the regimes of the controller's jurisdictions.
     */
    public Optional<Regime> regimeFor(Controller controller, ClockSubject subject) {
        if (subject.jurisdiction() != null) {
            return regimes.forJurisdiction(subject.jurisdiction());
        }
        List<String> served = controller.jurisdictions() == null ? List.of() : controller.jurisdictions();
        LocalDate receiptDay = subject.receivedAt().atZone(controller.timeZone()).toLocalDate();
        return served.stream().map(regimes::forJurisdiction).flatMap(Optional::stream).distinct()
                .min(Comparator.comparing((Regime r) -> compute(controller, r, subject, ClockFacts.fresh(r.id()),
                        receiptDay).date(DueDateKind.STATUTORY).orElseThrow().dueAt()));
    }

    /**
     * The working calendar a regime's dates are counted on for this controller and request: the controller's own
     * calendar where the regime covers it (its seat); else the request's subdivision (US-CA, GB-SCT); else the
     * regime's default calendar; else the request's country (its nationwide holidays); else Monday to Friday.
     */
    public WorkingCalendar statutoryCalendar(Regime regime, Controller controller, String jurisdiction) {
        String own = controller.holidayCalendar();
        if (own != null && regime.covers(own) && calendars.supports(own)) {
            return calendars.require(own);
        }
        boolean usable = jurisdiction != null && regime.covers(jurisdiction) && calendars.supports(jurisdiction);
        if (usable && jurisdiction.contains("-")) {
            return calendars.require(jurisdiction);
        }
        if (regime.defaultCalendar() != null) {
            return calendars.require(regime.defaultCalendar());
        }
        return usable ? calendars.require(jurisdiction) : WorkingCalendar.weekendsOnly();
    }

    /** The controller's own calendar, for its promise; Monday to Friday when it names none. */
    public WorkingCalendar promiseCalendar(Controller controller) {
        String own = controller.holidayCalendar();
        return own != null && calendars.supports(own) ? calendars.require(own) : WorkingCalendar.weekendsOnly();
    }

    /**
     * The clock of a request.
     *
     * @param regime null when no regime applies (only the promise counts)
     * @param today  the controller's today, which closes a pause that is still open
     */
    public RequestClock compute(Controller controller, Regime regime, ClockSubject subject, ClockFacts facts,
            LocalDate today) {
        ZoneId zone = controller.timeZone();
        LocalDate receiptDay = subject.receivedAt().atZone(zone).toLocalDate();
        LocalDate verifiedDay = facts.verifiedAt() == null ? null : facts.verifiedAt().atZone(zone).toLocalDate();
        List<DayRange> pauses = facts.pauses().stream()
                .map(p -> new DayRange(p.pausedAt().atZone(zone).toLocalDate(),
                        p.resumedAt() == null ? max(today, p.pausedAt().atZone(zone).toLocalDate())
                                : p.resumedAt().atZone(zone).toLocalDate()))
                .toList();
        ClockExtension extension = facts.extension();
        List<DueDate> dates = new ArrayList<>();
        String calendarCode = "";
        // pauses count only where the regime stops the clock; then they stop the controller's promise too (the
        // hub cannot answer while it waits for the requester)
        List<DayRange> counted = regime != null && regime.pauseOnClarification() ? pauses : List.of();
        if (regime != null) {
            WorkingCalendar calendar = statutoryCalendar(regime, controller, subject.jurisdiction());
            calendarCode = calendar.code();
            dates.addAll(statutoryDates(controller, regime, subject, calendar, receiptDay, verifiedDay, counted,
                    extension));
        }
        dates.addAll(promiseDates(controller, receiptDay, verifiedDay, counted, extension));
        return new RequestClock(regime == null ? null : regime.id(), calendarCode, List.copyOf(dates));
    }

    private List<DueDate> statutoryDates(Controller controller, Regime regime, ClockSubject subject,
            WorkingCalendar calendar, LocalDate receiptDay, LocalDate verifiedDay, List<DayRange> pauses,
            ClockExtension extension) {
        ZoneId zone = controller.timeZone();
        boolean provisional = verifiedDay == null && regime.clockStarts() != StatutoryClockStart.RECEIPT;
        LocalDate start = switch (regime.clockStarts()) {
            case RECEIPT -> receiptDay;
            case VERIFICATION -> verifiedDay == null ? receiptDay : verifiedDay;
            case RELEVANT_TIME -> verifiedDay == null ? receiptDay : max(receiptDay, verifiedDay);
        };
        String from = startWords(regime.clockStarts(), provisional, start, receiptDay);
        Map<RegimeRule, Set<RequestType>> used = new LinkedHashMap<>();
        // a request whose types are not known yet (an unclear e-mail) counts under every rule: the earliest applies
        Set<RequestType> types = subject.types().isEmpty() ? EnumSet.allOf(RequestType.class) : subject.types();
        for (RequestType type : types) {
            used.computeIfAbsent(regime.ruleFor(type), r -> new LinkedHashSet<>()).add(type);
        }
        boolean severalRules = regime.rules().size() > 1;
        DueDate statutory = null;
        DueDate acknowledgement = null;
        DueDate extended = null;
        boolean extendable = false;
        for (Map.Entry<RegimeRule, Set<RequestType>> entry : used.entrySet()) {
            RegimeRule rule = entry.getKey();
            String scope = regime.name() + " (" + rule.source() + ")"
                    + (severalRules ? " for " + codes(entry.getValue()) : "") + ": ";
            Count response = DeadlineArithmetic.count(start, rule.response().within(), rule.response().unit(),
                    rule.response().rollForward(), calendar, pauses);
            DueDate responseDate = date(DueDateKind.STATUTORY, response.due(), zone,
                    scope + rule.response().describe() + " from " + from
                            + details(start, response, rule.response(), calendar, subject));
            statutory = earlier(statutory, responseDate);
            if (rule.acknowledgement() != null) {
                Count ack = DeadlineArithmetic.count(receiptDay, rule.acknowledgement().within(),
                        rule.acknowledgement().unit(), rule.acknowledgement().rollForward(), calendar, List.of());
                acknowledgement = earlier(acknowledgement, date(DueDateKind.ACKNOWLEDGEMENT, ack.due(), zone,
                        scope + "acknowledge within " + rule.acknowledgement().describe() + " of receipt on "
                                + receiptDay + details(receiptDay, ack, rule.acknowledgement(), calendar, subject)));
            }
            if (rule.extension() != null) {
                extendable = true;
                Count ext = DeadlineArithmetic.count(start, rule.extension().within(), rule.extension().unit(),
                        rule.extension().rollForward(), calendar, pauses);
                extended = earlier(extended, date(DueDateKind.EXTENDED, ext.due(), zone,
                        scope + "extended to " + rule.extension().describe() + " from " + from
                                + details(start, ext, rule.extension(), calendar, subject)));
            } else {
                extended = earlier(extended, new DueDate(DueDateKind.EXTENDED, responseDate.dueOn(),
                        responseDate.dueAt(), responseDate.rule() + "; this rule allows no extension"));
            }
        }
        List<DueDate> dates = new ArrayList<>();
        DueDate notice = extendable ? new DueDate(DueDateKind.EXTENSION_NOTICE, statutory.dueOn(), statutory.dueAt(),
                RuleText.clip(regime.name() + ": an extension must be notified, with its reasons, by the original "
                        + "deadline")) : null;
        if (extension != null && extendable) {
            String granted = "extended on " + extension.grantedAt().atZone(zone).toLocalDate() + " by "
                    + extension.actor();
            dates.add(statutory.superseded(granted));
            dates.add(notice.superseded("extension notified on " + extension.grantedAt().atZone(zone).toLocalDate()));
            dates.add(capped(extended, extension, zone));
        } else {
            dates.add(statutory);
            if (notice != null) {
                dates.add(notice);
            }
        }
        if (acknowledgement != null) {
            dates.add(acknowledgement);
        }
        return dates;
    }

    private List<DueDate> promiseDates(Controller controller, LocalDate receiptDay, LocalDate verifiedDay,
            List<DayRange> pauses, ClockExtension extension) {
        ResponsePromise promise = controller.promise();
        ZoneId zone = controller.timeZone();
        WorkingCalendar calendar = promiseCalendar(controller);
        boolean fromVerification = promise.clockStarts() == ClockStart.VERIFICATION;
        LocalDate start = fromVerification && verifiedDay != null ? verifiedDay : receiptDay;
        String from = !fromVerification ? "receipt on " + start
                : verifiedDay != null ? "identity verification on " + start
                : "receipt on " + start + " (provisional until identity is verified)";
        String calendarWords = promise.unit() == io.dsrhub.controller.PeriodUnit.BUSINESS_DAYS
                ? (calendar.isWeekendsOnly() ? "; Monday to Friday (no holiday-calendar set)"
                        : "; working days on the " + calendar.code() + " calendar") : "";
        Count count = DeadlineArithmetic.count(start, promise.within(), promise.unit(), false, calendar, pauses);
        String paused = count.pausedDays() > 0 ? "; +" + count.pausedDays() + " paused day"
                + (count.pausedDays() == 1 ? "" : "s") : "";
        DueDate promised = date(DueDateKind.PROMISE, count.due(), zone, controller.name() + " policy: within "
                + new TimeLimit(promise.within(), promise.unit(), false).describe() + " from " + from + calendarWords
                + paused
                + (promise.unit() == io.dsrhub.controller.PeriodUnit.BUSINESS_DAYS
                        ? uncovered(calendar, start, count.due()) : ""));
        if (extension == null) {
            return List.of(promised);
        }
        LocalDate notified = extension.grantedAt().atZone(zone).toLocalDate();
        if (promise.extendableTo() == null) {
            return List.of(promised.superseded("superseded by the extension notified on " + notified));
        }
        ResponsePromise.Extension to = promise.extendableTo();
        Count postponed = DeadlineArithmetic.count(start, to.within(), to.unit(), false, calendar, pauses);
        DueDate later = date(DueDateKind.PROMISE_EXTENDED, postponed.due(), zone, controller.name()
                + " policy: postponed to " + new TimeLimit(to.within(), to.unit(), false).describe() + " from " + from
                + ", delay and reason notified on " + notified);
        return List.of(promised.superseded("postponed with notice on " + notified), capped(later, extension, zone));
    }

    /**
     * Whether an operator may extend now, and the clock that results. Refused when the request was extended
     * before, when neither its regime nor the controller's policy allows an extension, when the original deadline
     * (the last day to notify an extension) has passed, when the extension would not move the effective deadline,
     * or when the operator's date is not after the current deadline or beyond the maximum.
     */
    public ExtensionDecision decideExtension(Controller controller, Regime regime, ClockSubject subject,
            ClockFacts facts, ClockExtension proposed, LocalDate today) {
        ZoneId zone = controller.timeZone();
        if (facts.extension() != null) {
            return ExtensionDecision.refused("the deadline was already extended on "
                    + facts.extension().grantedAt().atZone(zone).toLocalDate() + "; it can be extended once");
        }
        if (regime != null && subject.types().stream().noneMatch(t -> regime.ruleFor(t).extension() != null)) {
            return ExtensionDecision.refused(regime.name() + " allows no extension for " + codes(subject.types()));
        }
        if (regime == null && controller.promise().extendableTo() == null) {
            return ExtensionDecision.refused("no regime applies to this request and the controller's policy allows "
                    + "no postponement");
        }
        RequestClock current = compute(controller, regime, subject, facts, today);
        DueDate original = current.date(DueDateKind.EXTENSION_NOTICE)
                .or(() -> current.date(DueDateKind.PROMISE)).orElseThrow();
        if (proposed.grantedAt().isAfter(original.dueAt())) {
            return ExtensionDecision.refused("the original deadline (" + original.dueOn() + ") has passed; an "
                    + "extension must be notified before it");
        }
        DueDate currentDeadline = current.effective().orElseThrow();
        ClockExtension uncapped = new ClockExtension(proposed.grantedAt(), proposed.actor(), proposed.reason(), null);
        DueDate longest = compute(controller, regime, subject, facts.withExtension(uncapped), today).effective()
                .orElseThrow();
        if (!longest.dueAt().isAfter(currentDeadline.dueAt())) {
            return ExtensionDecision.refused("an extension would not move the deadline of " + currentDeadline.dueOn()
                    + ": " + longest.rule());
        }
        if (proposed.until() != null) {
            if (!proposed.until().isAfter(currentDeadline.dueOn())) {
                return ExtensionDecision.refused("until must be after the current deadline, "
                        + currentDeadline.dueOn());
            }
            if (proposed.until().isAfter(longest.dueOn())) {
                return ExtensionDecision.refused("until must not be after " + longest.dueOn()
                        + ", the latest date the rules allow");
            }
        }
        return ExtensionDecision.granted(compute(controller, regime, subject, facts.withExtension(proposed), today));
    }

    private static DueDate capped(DueDate date, ClockExtension extension, ZoneId zone) {
        if (extension.until() == null || !extension.until().isBefore(date.dueOn())) {
            return date;
        }
        return new DueDate(date.kind(), extension.until(), DeadlineArithmetic.endOfDay(extension.until(), zone),
                RuleText.clip(date.rule() + "; the operator set " + extension.until()));
    }

    private String details(LocalDate start, Count count, TimeLimit limit, WorkingCalendar calendar,
            ClockSubject subject) {
        StringBuilder sb = new StringBuilder();
        if (count.pausedDays() > 0) {
            sb.append("; +").append(count.pausedDays()).append(" paused day").append(count.pausedDays() == 1 ? "" : "s");
        }
        if (limit.unit() == io.dsrhub.controller.PeriodUnit.BUSINESS_DAYS) {
            sb.append("; working days on the ").append(calendar.isWeekendsOnly() ? "Monday-to-Friday"
                    : calendar.code()).append(" calendar");
        }
        if (count.rolledFrom() != null) {
            sb.append("; ").append(count.rolledFrom()).append(" is not a working day (")
                    .append(calendar.isWeekendsOnly() ? "weekend" : calendar.code() + " calendar")
                    .append("): next working day");
        }
        if (limit.unit() == io.dsrhub.controller.PeriodUnit.BUSINESS_DAYS || limit.rollForward()) {
            sb.append(uncovered(calendar, start, count.due()));
        }
        if (subject.jurisdiction() == null) {
            sb.append("; no jurisdiction given: strictest regime of the controller's jurisdictions");
        }
        return sb.toString();
    }

    private static String uncovered(WorkingCalendar calendar, LocalDate from, LocalDate to) {
        List<Integer> missing = calendar.uncoveredYears(from, to);
        return missing.isEmpty() ? "" : "; " + calendar.code() + " calendar has no data for "
                + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ": Monday to Friday counted";
    }

    private static String startWords(StatutoryClockStart clockStart, boolean provisional, LocalDate start,
            LocalDate receiptDay) {
        return switch (clockStart) {
            case RECEIPT -> "receipt on " + start;
            case VERIFICATION -> provisional ? "receipt on " + start + " (provisional until identity is verified)"
                    : "identity verification on " + start;
            case RELEVANT_TIME -> provisional ? "receipt on " + start + " (relevant time; moves if identity "
                    + "information is asked for)" : start.equals(receiptDay) ? "receipt on " + start
                    : "the relevant time on " + start + " (identity information received)";
        };
    }

    private static DueDate date(DueDateKind kind, LocalDate day, ZoneId zone, String rule) {
        return new DueDate(kind, day, DeadlineArithmetic.endOfDay(day, zone), RuleText.clip(rule));
    }

    private static DueDate earlier(DueDate current, DueDate candidate) {
        return current == null || candidate.dueAt().isBefore(current.dueAt()) ? candidate : current;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String codes(Set<RequestType> types) {
        return types.stream().map(RequestType::code).sorted().collect(Collectors.joining(", "))
                .toLowerCase(Locale.ROOT);
    }
}
