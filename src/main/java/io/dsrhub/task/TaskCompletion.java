package io.dsrhub.task;

import io.dsrhub.connector.TaskOutcome;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.planning.TaskPlan;
import io.dsrhub.retention.PurgeEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records what became of a task, each in one ledger transaction with its audit event: the result of a finished
 * task (and the purge task for what it retained), a failed attempt with its back-off, a dead task with its
 * escalation. Every path ends with the fan-in check, so the request settles in the same transaction as its last
 * task. A worker that lost its lease (another instance took the task over) records nothing.
 */
public final class TaskCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(TaskCompletion.class);
    private static final String ACTOR = "task-engine";

    private final JdbcClient jdbc;
    private final TaskLedger tasks;
    private final RequestLedger requests;
    private final ControllerCatalogue controllers;
    private final AuditTrail audit;
    private final FanIn fanIn;
    private final DeadTaskEscalation escalation;
    private final LedgerTransactions tx;
    private final TaskWorkers workers;
    private final TaskBackoff backoff;
    private final Clock clock;

    public TaskCompletion(JdbcClient jdbc, TaskLedger tasks, RequestLedger requests, ControllerCatalogue controllers,
            AuditTrail audit, FanIn fanIn, DeadTaskEscalation escalation, LedgerTransactions tx, TaskWorkers workers,
            TaskBackoff backoff, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.requests = requests;
        this.controllers = controllers;
        this.audit = audit;
        this.fanIn = fanIn;
        this.escalation = escalation;
        this.tx = tx;
        this.workers = workers;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** A task ran to its outcome. */
    public boolean finished(TaskRecord task, TaskOutcome outcome) {
        return tx.inTransaction(() -> {
            lock(task.requestId());
            Instant now = clock.instant();
            if (!tasks.finish(task.id(), workers.owner(), outcome.status(), TaskJson.write(outcome.report()), now)) {
                LOG.warn("task {} was taken over by another instance; its result here is dropped", task.id());
                return false;
            }
            if (!outcome.purges().isEmpty()) {
                schedulePurge(task, outcome.purges(), now);
            }
            audit.record(task.requestId(), ACTOR, "TASK_" + outcome.status().name(), describe(task));
            fanIn.settle(task.requestId());
            return true;
        });
    }

    /** A purge ran the entries that were due; later ones keep the task waiting for their date. */
    public boolean purged(TaskRecord task, TaskOutcome outcome, TaskInput input, List<PurgeEntry> remaining) {
        return tx.inTransaction(() -> {
            lock(task.requestId());
            Instant now = clock.instant();
            String result = TaskJson.write(outcome.report());
            boolean mine;
            if (remaining.isEmpty()) {
                mine = tasks.finish(task.id(), workers.owner(), TaskStatus.DONE, result, now);
            } else {
                TaskInput left = new TaskInput(input.requestTypes(), input.categories(), input.retention(), remaining,
                        input.note());
                mine = tasks.reschedule(task.id(), workers.owner(), TaskJson.write(left), result,
                        dueAt(task.requestId(), remaining), now);
            }
            if (!mine) {
                LOG.warn("purge task {} was taken over by another instance", task.id());
                return false;
            }
            audit.record(task.requestId(), ACTOR, "TASK_PURGED", describe(task) + (remaining.isEmpty() ? ""
                    : " next purge on " + remaining.get(0).purgeOn()));
            return true;
        });
    }

    /**
     * The task waits for someone else (a processor's reply, callback or status): back to PENDING until
     * {@code wakeAt}, its report so far kept as the result, no worker and no lease held. Attempts start again.
     */
    public boolean waiting(TaskRecord task, io.dsrhub.connector.TaskReport report, Instant wakeAt, String why) {
        return tx.inTransaction(() -> {
            lock(task.requestId());
            Instant now = clock.instant();
            if (!tasks.reschedule(task.id(), workers.owner(), task.input(), TaskJson.write(report), wakeAt, now)) {
                LOG.warn("task {} was taken over by another instance; its wait here is dropped", task.id());
                return false;
            }
            audit.record(task.requestId(), ACTOR, "TASK_WAITING", describe(task) + " until " + wakeAt + ": " + why);
            return true;
        });
    }

    /** An attempt failed: retried later with back-off, or dead (and escalated) once the attempts are used up. */
    public void failed(TaskRecord task, String error, String reason) {
        failed(task, error, reason, null);
    }

    /**
     * An attempt failed and the system said when to call again ({@code Retry-After}): the next attempt is due then
     * (at most the back-off's longest wait) instead of after the usual back-off.
     */
    public void failed(TaskRecord task, String error, String reason, java.time.Duration retryAfter) {
        tx.run(() -> {
            lock(task.requestId());
            Instant now = clock.instant();
            if (backoff.exhausted(task.attempts())) {
                die(task, error, "gave up after " + task.attempts() + " attempts (" + reason + ")", now);
                return;
            }
            Instant next = now.plus(retryAfter != null ? backoff.capped(retryAfter) : backoff.after(task.attempts()));
            if (tasks.retryLater(task.id(), workers.owner(), error, next, now)) {
                audit.record(task.requestId(), ACTOR, "TASK_FAILED", describe(task) + " reason=" + reason
                        + " next attempt at " + next);
            }
        });
    }

    /** The task can never succeed as planned: dead at once, and escalated. */
    public void rejected(TaskRecord task, String reason) {
        tx.run(() -> {
            lock(task.requestId());
            die(task, reason, reason, clock.instant());
        });
    }

    private void die(TaskRecord task, String error, String reason, Instant now) {
        if (!tasks.kill(task.id(), workers.owner(), error, now)) {
            return;
        }
        SubjectRequest request = requests.find(task.requestId()).orElseThrow();
        Controller controller = controllers.require(request.controllerId());
        escalation.escalate(task, request, controller, reason);
        if (!TaskAction.PURGE.code().equals(task.action())) {
            fanIn.settle(task.requestId());
        }
    }

    /** Adds a purge task for what an erasure kept, due on the first purge date. */
    private void schedulePurge(TaskRecord task, List<PurgeEntry> purges, Instant now) {
        List<PurgeEntry> sorted = new ArrayList<>(purges);
        sorted.sort(Comparator.comparing(PurgeEntry::purgeOn));
        TaskInput planned = TaskJson.read(task.input(), TaskInput.class);
        TaskInput input = new TaskInput(planned.requestTypes(), planned.categories(), planned.retention(), sorted,
                "erases what task " + task.id() + " retained");
        tasks.insert(task.requestId(), task.systemId(), TaskAction.PURGE.code(), TaskStatus.PENDING,
                TaskPlan.PURGE_STAGE, TaskJson.write(input), dueAt(task.requestId(), sorted), now);
        PurgeEntry first = sorted.get(0);
        audit.record(task.requestId(), ACTOR, "PURGE_SCHEDULED", "system=" + task.systemId() + " rule=" + first.rule()
                + " purge on " + first.purgeOn());
    }

    /** The start of the first purge date, in the controller's time zone. */
    private Instant dueAt(String requestId, List<PurgeEntry> entries) {
        LocalDate first = entries.stream().map(PurgeEntry::purgeOn).min(Comparator.naturalOrder()).orElseThrow();
        SubjectRequest request = requests.find(requestId).orElseThrow();
        return first.atStartOfDay(controllers.require(request.controllerId()).timeZone()).toInstant();
    }

    private void lock(String requestId) {
        jdbc.sql("SELECT id FROM subject_request WHERE id = :id FOR UPDATE").param("id", requestId)
                .query(String.class).list();
    }

    private static String describe(TaskRecord task) {
        return "task=" + task.id() + " system=" + task.systemId() + " action=" + task.action() + " attempt="
                + task.attempts();
    }
}
