package io.dsrhub.planning;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.ledger.Timestamps;
import io.dsrhub.task.FanIn;
import io.dsrhub.task.TaskJson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plans verified requests: picks VERIFIED requests that have no tasks yet, writes their tasks and moves them to
 * IN_PROGRESS, each request in one transaction that holds its row ({@code FOR UPDATE SKIP LOCKED}), so several hub
 * instances plan every request exactly once.
 */
public final class RequestPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(RequestPlanner.class);
    private static final String ACTOR = "planner";

    private final JdbcClient jdbc;
    private final LedgerTransactions tx;
    private final RequestLedger requests;
    private final TaskLedger tasks;
    private final ControllerCatalogue controllers;
    private final FulfilmentCatalogue catalogue;
    private final FanIn fanIn;
    private final Clock clock;

    public RequestPlanner(JdbcClient jdbc, LedgerTransactions tx, RequestLedger requests, TaskLedger tasks,
            ControllerCatalogue controllers, FulfilmentCatalogue catalogue, FanIn fanIn,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.requests = requests;
        this.tasks = tasks;
        this.controllers = controllers;
        this.catalogue = catalogue;
        this.fanIn = fanIn;
        this.clock = clock;
    }

    /** Verified requests that have no tasks yet, oldest first; each is then planned by {@link #plan(String)}. */
    public List<String> due(int limit) {
        return jdbc.sql("SELECT r.id FROM subject_request r WHERE r.status = 'VERIFIED' AND NOT EXISTS "
                        + "(SELECT 1 FROM request_task t WHERE t.request_id = r.id) ORDER BY r.updated_at LIMIT :n")
                .param("n", limit).query(String.class).list();
    }

    /** Plans up to {@code limit} verified requests one after the other; returns how many were planned here. */
    public int planDue(int limit) {
        int planned = 0;
        for (String requestId : due(limit)) {
            if (plan(requestId)) {
                planned++;
            }
        }
        return planned;
    }

    /**
     * Plans one request in its own transaction, unless another instance (or thread) holds it or planned it
     * already; returns whether it was planned here.
     */
    public boolean plan(String requestId) {
        return tx.inTransaction(() -> planLocked(requestId));
    }

    private boolean planLocked(String requestId) {
        // a VERIFIED request has no tasks: planning writes them and leaves VERIFIED in one transaction
        List<String> locked = jdbc.sql("SELECT id FROM subject_request WHERE id = :id AND status = 'VERIFIED' "
                        + "FOR UPDATE SKIP LOCKED")
                .param("id", requestId).query(String.class).list();
        if (locked.isEmpty()) {
            return false;
        }
        SubjectRequest request = requests.find(requestId).orElseThrow();
        Controller controller = controllers.require(request.controllerId());
        TaskPlan plan = TaskPlan.of(request, controller, catalogue.policyOf(controller.id()),
                catalogue.systemsOf(controller.id()), catalogue::writeStage);
        Instant now = Timestamps.fromDb(Timestamps.toDb(clock.instant()));
        int firstStage = plan.tasks().stream().filter(t -> t.status() == TaskStatus.PENDING)
                .mapToInt(PlannedTask::stage).min().orElse(0);
        for (PlannedTask task : plan.tasks()) {
            // tasks of later stages wait (no due time) until fan-in releases them
            tasks.insert(requestId, task.systemId(), task.action().code(), task.status(), task.stage(),
                    TaskJson.write(task.input()), task.stage() == firstStage ? now : null, now);
        }
        String planned = plan.tasks().stream()
                .map(t -> t.systemId() + ":" + t.action().code() + (t.status() == TaskStatus.MANUAL_PENDING
                        ? "(manual)" : ""))
                .collect(Collectors.joining(" "));
        requests.transition(requestId, RequestStatus.IN_PROGRESS, ACTOR, plan.tasks().size() + " task(s) planned: "
                + planned + (plan.notes().isEmpty() ? "" : "; " + String.join("; ", plan.notes())));
        if (plan.tasks().stream().noneMatch(t -> t.status() == TaskStatus.PENDING)) {
            fanIn.settle(requestId);
        }
        LOG.debug("request {} planned: {} task(s)", requestId, plan.tasks().size());
        return true;
    }
}
