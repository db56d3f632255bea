package io.dsrhub.task;

import io.dsrhub.connector.ConnectorRejection;
import io.dsrhub.connector.TaskOutcome;
import io.dsrhub.connector.TaskWork;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.fulfilment.DerivedIdentity;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.fulfilment.FulfilmentConfigException;
import io.dsrhub.fulfilment.TargetSystem;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.retention.PurgeEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed task on its system's connector and records the outcome. Identities a system derives from
 * another system (account ids from the account database) are looked up first. A connector error counts against
 * the system's circuit and is retried with back-off; a rejection (the task can never succeed as planned) kills the
 * task at once. Logs carry task ids and error classes, never the subject's data.
 */
public final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final FulfilmentCatalogue catalogue;
    private final ControllerCatalogue controllers;
    private final RequestLedger requests;
    private final TaskCompletion completion;
    private final SystemCircuits circuits;
    private final TaskWorkers workers;
    private final Clock clock;

    public TaskRunner(FulfilmentCatalogue catalogue, ControllerCatalogue controllers, RequestLedger requests,
            TaskCompletion completion, SystemCircuits circuits, TaskWorkers workers, Clock clock) {
        this.catalogue = catalogue;
        this.controllers = controllers;
        this.requests = requests;
        this.completion = completion;
        this.circuits = circuits;
        this.workers = workers;
        this.clock = clock;
    }

    public void run(TaskRecord task) {
        try {
            TargetSystem system = catalogue.system(task.systemId()).orElse(null);
            if (system == null) {
                circuits.released(task.systemId());
                completion.rejected(task, "system " + task.systemId() + " is no longer configured");
                return;
            }
            Instant started = clock.instant();
            TaskOutcome outcome;
            TaskInput input = TaskJson.read(task.input(), TaskInput.class);
            List<PurgeEntry> remaining = List.of();
            try {
                SubjectRequest request = requests.find(task.requestId()).orElseThrow();
                Controller controller = controllers.require(request.controllerId());
                LocalDate today = LocalDate.now(clock.withZone(controller.timeZone()));
                TaskAction action = TaskAction.of(task.action());
                List<PurgeEntry> due = List.of();
                List<Identity> identities = List.of();
                if (action == TaskAction.PURGE) {
                    due = input.purges().stream().filter(p -> !p.purgeOn().isAfter(today)).toList();
                    remaining = input.purges().stream().filter(p -> p.purgeOn().isAfter(today)).toList();
                } else {
                    identities = identities(system, request);
                }
                TaskWork work = new TaskWork(task.id(), request.id(), request.controllerId(), system.id(), action,
                        identities, new DataCategories(input.categories()), input.retention(), today, due);
                outcome = system.connector().run(work);
            } catch (io.dsrhub.connector.TaskWaiting e) {
                circuits.succeeded(system.id(), Duration.between(started, clock.instant()));
                LOG.info("task {} on {} waits until {}: {}", task.id(), system.id(), e.wakeAt(), e.getMessage());
                completion.waiting(task, e.report(), e.wakeAt(), e.getMessage());
                return;
            } catch (io.dsrhub.connector.RetryAfter e) {
                circuits.failed(system.id(), Duration.between(started, clock.instant()), e);
                LOG.warn("task {} ({} on {}) attempt {} asked to retry after {}", task.id(), task.action(),
                        system.id(), task.attempts(), e.after());
                completion.failed(task, e.getClass().getName() + ": " + e.getMessage(), "retry-after", e.after());
                return;
            } catch (ConnectorRejection | FulfilmentConfigException e) {
                circuits.released(system.id());
                LOG.error("task {} on {} cannot succeed: {}", task.id(), system.id(), e.getMessage());
                completion.rejected(task, e.getMessage());
                return;
            } catch (Exception e) {
                circuits.failed(system.id(), Duration.between(started, clock.instant()), e);
                LOG.warn("task {} ({} on {}) attempt {} failed: {}", task.id(), task.action(), system.id(),
                        task.attempts(), e.getClass().getSimpleName());
                completion.failed(task, e.getClass().getName() + ": " + e.getMessage(),
                        e.getClass().getSimpleName());
                return;
            }
            circuits.succeeded(system.id(), Duration.between(started, clock.instant()));
            if (TaskAction.PURGE.code().equals(task.action())) {
                completion.purged(task, outcome, input, remaining);
            } else {
                completion.finished(task, outcome);
            }
        } finally {
            workers.done(task.id());
        }
    }

    /** The request's identities, plus those the system derives from another system. */
    private List<Identity> identities(TargetSystem system, SubjectRequest request) throws Exception {
        List<Identity> identities = new ArrayList<>(request.identities());
        for (DerivedIdentity derived : system.identitiesFrom()) {
            TargetSystem source = catalogue.system(derived.system()).orElseThrow(() ->
                    new ConnectorRejection("system " + derived.system() + " is no longer configured"));
            IdentityType type = IdentityType.fromCode(derived.identity()).orElseThrow();
            for (String value : source.connector().lookup(derived.table(), derived.column(), request.identities())) {
                if (type.accepts(value)) {
                    identities.add(Identity.raw(type, value));
                }
            }
        }
        return identities;
    }
}
