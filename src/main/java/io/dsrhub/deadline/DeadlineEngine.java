package io.dsrhub.deadline;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.NewRequest;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline clock of every request: computed at intake, recomputed when something moves it, and kept in the
 * ledger with the rule behind each date. The calls other parts of the hub make:
 * <ul>
 *   <li>{@link #clockFor} and {@link #started} at intake (the registrar);</li>
 *   <li>{@link #verified} when the requester's identity is verified: dates counted from verification (a Chinese
 *   controller's 30 days, PIPL's 15 working days, the UK's relevant time) are recounted;</li>
 *   <li>{@link #pause} and {@link #resume} while the hub waits for the requester, where the regime stops the
 *   clock;</li>
 *   <li>{@link #extend}, from the operator API.</li>
 * </ul>
 * Each call runs in one transaction (or joins the caller's), locks the request, audits what changed, and leaves
 * {@code subject_request.due_at} at the effective deadline.
 */
public final class DeadlineEngine {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineEngine.class);

    private final ControllerCatalogue controllers;
    private final ClockCalculator calculator;
    private final ClockStore store;
    private final RequestLedger ledger;
    private final AuditTrail audit;
    private final LedgerTransactions tx;
    private final ExtensionNotices notices;
    private final Clock clock;

    public DeadlineEngine(ControllerCatalogue controllers, ClockCalculator calculator, ClockStore store,
            RequestLedger ledger, AuditTrail audit, LedgerTransactions tx, ExtensionNotices notices, Clock clock) {
        this.controllers = controllers;
        this.calculator = calculator;
        this.store = store;
        this.ledger = ledger;
        this.audit = audit;
        this.tx = tx;
        this.notices = notices;
        this.clock = clock;
    }

    /** The clock of a request about to be registered (nothing is written). */
    public RequestClock clockFor(Controller controller, NewRequest request) {
        ClockSubject subject = ClockSubject.of(request);
        Regime regime = calculator.regimeFor(controller, subject).orElse(null);
        return calculator.compute(controller, regime, subject, ClockFacts.fresh(regime == null ? null : regime.id()),
                today(controller));
    }

    /**
     * Records the clock of a request just written with {@code clock.dates()}; call inside the registration's
     * transaction. (No audit event of its own: the request's RECEIVED event, its dates with their rules and its
     * {@code request_clock} row say it all.)
     */
    public void started(SubjectRequest request, RequestClock requestClock, String actor) {
        store.create(request.id(), requestClock.regimeId(), requestClock.calendarCode());
    }

    /**
     * The requester's identity was verified at {@code at}: records it (the first verification counts) and recounts
     * the dates that run from verification. Safe to call again.
     */
    public RequestClock verified(String requestId, Instant at) {
        return tx.inTransaction(() -> {
            Loaded loaded = load(requestId);
            if (!store.verified(requestId, at)) {
                return loaded.clock();
            }
            RequestClock after = apply(loaded.request(), loaded.controller(), store.facts(requestId).orElseThrow());
            audit.record(requestId, "deadline-engine", "CLOCK_VERIFIED", "identity verified at " + at + "; "
                    + summary(after));
            return after;
        });
    }

    /**
     * Stops the clock while the hub waits for the requester (a clarification, identity information), where the
     * regime allows it. While paused, the regime's dates move one day for every day the pause lasts.
     */
    public ClockChange pause(String requestId, Instant at, String actor, String reason) {
        return tx.inTransaction(() -> {
            Loaded loaded = load(requestId);
            Regime regime = regimeOf(loaded.facts()).orElse(null);
            if (loaded.request().status().isClosed()) {
                return ClockChange.refused("the request is " + loaded.request().status(), loaded.clock());
            }
            if (regime == null || !regime.pauseOnClarification()) {
                return ClockChange.refused((regime == null ? "no regime applies to this request"
                        : regime.name() + " does not stop the clock") + "; the deadline keeps running",
                        loaded.clock());
            }
            if (loaded.facts().hasOpenPause()) {
                return ClockChange.refused("the clock is already paused", loaded.clock());
            }
            store.pause(requestId, at, reason, actor);
            RequestClock after = apply(loaded.request(), loaded.controller(), store.facts(requestId).orElseThrow());
            audit.record(requestId, actor, "CLOCK_PAUSED", "reason=" + reason + "; " + summary(after));
            return ClockChange.made(after);
        });
    }

    /** Restarts a paused clock; the paused days (both ends included) are added to the regime's dates. */
    public ClockChange resume(String requestId, Instant at, String actor) {
        return tx.inTransaction(() -> {
            Loaded loaded = load(requestId);
            if (!store.resume(requestId, at)) {
                return ClockChange.refused("the clock is not paused", loaded.clock());
            }
            RequestClock after = apply(loaded.request(), loaded.controller(), store.facts(requestId).orElseThrow());
            audit.record(requestId, actor, "CLOCK_RESUMED", summary(after));
            return ClockChange.made(after);
        });
    }

    /**
     * Extends the deadline, if the regime (or, where no regime applies, the controller's policy) allows it and the
     * original deadline has not passed, and queues the subject's notice with the reason and the new date.
     *
     * @param until an earlier last day than the maximum, or null for the maximum
     */
    public ClockChange extend(String requestId, String actor, String reason, LocalDate until) {
        return tx.inTransaction(() -> {
            Loaded loaded = load(requestId);
            if (loaded.request().status().isClosed()) {
                return ClockChange.refused("the request is " + loaded.request().status(), loaded.clock());
            }
            Regime regime = regimeOf(loaded.facts()).orElse(null);
            ClockExtension proposed = new ClockExtension(clock.instant(), actor, reason, until);
            ExtensionDecision decision = calculator.decideExtension(loaded.controller(), regime,
                    ClockSubject.of(loaded.request()), loaded.facts(), proposed, today(loaded.controller()));
            if (!decision.isGranted()) {
                return ClockChange.refused(decision.refusal(), loaded.clock());
            }
            LocalDate before = loaded.clock().effective().orElseThrow().dueOn();
            store.extend(requestId, proposed);
            RequestClock after = apply(loaded.request(), loaded.controller(), store.facts(requestId).orElseThrow());
            LocalDate newDue = after.effective().orElseThrow().dueOn();
            audit.record(requestId, actor, "DEADLINE_EXTENDED", "from " + before + " to " + newDue
                    + (until == null ? "" : " (operator's date)") + "; reason=" + reason);
            boolean mailed = notices.queue(loaded.request(), loaded.controller(), regime, reason, before, newDue);
            if (!mailed) {
                audit.record(requestId, "deadline-engine", "EXTENSION_NOTICE_NOT_SENT",
                        "the request has no e-mail address; send the notice by post before " + before);
                return new ClockChange(null, after, "the request has no e-mail address: send the extension notice "
                        + "by post before " + before);
            }
            return ClockChange.made(after);
        });
    }

    /** Recounts a request's dates from what is recorded (used while a pause lasts, as days go by). */
    public RequestClock recompute(String requestId) {
        return tx.inTransaction(() -> {
            Loaded loaded = load(requestId);
            return apply(loaded.request(), loaded.controller(), loaded.facts());
        });
    }

    /** What the clock of a request rests on, for the operator's view. */
    public Optional<ClockFacts> facts(String requestId) {
        return store.facts(requestId);
    }

    public Optional<Regime> regime(String regimeId) {
        return calculator.regimes().find(regimeId);
    }

    public String calendarCode(String requestId) {
        return store.calendarCode(requestId);
    }

    private Loaded load(String requestId) {
        store.lock(requestId);
        SubjectRequest request = ledger.find(requestId)
                .orElseThrow(() -> new IllegalArgumentException("no request " + requestId));
        Controller controller = controllers.require(request.controllerId());
        ClockFacts facts = store.facts(requestId).orElseGet(() -> {
            // a request registered before the engine existed: give it a clock now
            Regime regime = calculator.regimeFor(controller, ClockSubject.of(request)).orElse(null);
            RequestClock first = calculator.compute(controller, regime, ClockSubject.of(request),
                    ClockFacts.fresh(regime == null ? null : regime.id()), today(controller));
            started(request, first, "deadline-engine");
            audit.record(requestId, "deadline-engine", "CLOCK_STARTED", "regime="
                    + Optional.ofNullable(first.regimeId()).orElse("none") + " calendar=" + calendarName(first)
                    + " (the request had no clock); " + summary(first));
            LOG.info("request {} had no clock; counted under {}", requestId, first.regimeId());
            return ClockFacts.fresh(first.regimeId());
        });
        Regime regime = regimeOf(facts).orElse(null);
        RequestClock current = calculator.compute(controller, regime, ClockSubject.of(request), facts,
                today(controller));
        return new Loaded(request, controller, facts, current);
    }

    private RequestClock apply(SubjectRequest request, Controller controller, ClockFacts facts) {
        Regime regime = regimeOf(facts).orElse(null);
        RequestClock computed = calculator.compute(controller, regime, ClockSubject.of(request), facts,
                today(controller));
        store.replaceDates(request.id(), computed.dates(), computed.effective().map(DueDate::dueAt).orElse(null));
        store.calendar(request.id(), computed.calendarCode());
        return computed;
    }

    private Optional<Regime> regimeOf(ClockFacts facts) {
        return calculator.regimes().find(facts.regimeId());
    }

    private LocalDate today(Controller controller) {
        ZoneId zone = controller.timeZone();
        return LocalDateTime.ofInstant(clock.instant(), zone).toLocalDate();
    }

    private static String calendarName(RequestClock clock) {
        return clock.calendarCode().isEmpty() ? "Mon-Fri" : clock.calendarCode();
    }

    private static String summary(RequestClock clock) {
        return clock.effective().map(d -> "due " + d.dueOn() + " (" + d.kind() + ")").orElse("no deadline");
    }

    private record Loaded(SubjectRequest request, Controller controller, ClockFacts facts, RequestClock clock) {
    }
}
