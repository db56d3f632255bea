package io.dsrhub.task;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves a request's tasks on to their next stage when an earlier stage is done, and decides from the ledger when the
 * request's work is done: when none of its tasks (purges aside) is open any more,
 * it is COMPLETED, or PARTIALLY_COMPLETED if a task died; while manual tasks are open it waits in AWAITING_MANUAL.
 * The decision locks the request row, so two tasks finishing at once on different instances settle it once.
 */
public final class FanIn {

    private static final String ACTOR = "fan-in";

    private final JdbcClient jdbc;
    private final TaskLedger tasks;
    private final RequestLedger requests;
    private final FulfilmentAnnouncements announcements;
    private final LedgerTransactions tx;
    private final Clock clock;

    public FanIn(JdbcClient jdbc, TaskLedger tasks, RequestLedger requests, FulfilmentAnnouncements announcements,
            LedgerTransactions tx, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.requests = requests;
        this.announcements = announcements;
        this.tx = tx;
        this.clock = clock;
    }

    /** Settles the request if its tasks allow; call inside a transaction. Returns the status it moved to. */
    public Optional<RequestStatus> settle(String requestId) {
        RequestStatus status = RequestStatus.valueOf(jdbc.sql("SELECT status FROM subject_request WHERE id = :id "
                + "FOR UPDATE").param("id", requestId).query(String.class).single());
        if (status != RequestStatus.IN_PROGRESS && status != RequestStatus.AWAITING_MANUAL) {
            return Optional.empty();
        }
        tasks.releaseNextStage(requestId, clock.instant());
        Map<TaskStatus, Integer> counts = tasks.statusCounts(requestId);
        if (TaskLedger.open().stream().anyMatch(counts::containsKey)) {
            return Optional.empty();
        }
        if (counts.containsKey(TaskStatus.MANUAL_PENDING)) {
            if (status == RequestStatus.IN_PROGRESS) {
                requests.transition(requestId, RequestStatus.AWAITING_MANUAL, ACTOR,
                        counts.get(TaskStatus.MANUAL_PENDING) + " manual task(s) open");
                return Optional.of(RequestStatus.AWAITING_MANUAL);
            }
            return Optional.empty();
        }
        RequestStatus outcome = counts.containsKey(TaskStatus.DEAD) ? RequestStatus.PARTIALLY_COMPLETED
                : RequestStatus.COMPLETED;
        requests.transition(requestId, outcome, ACTOR, "tasks " + TaskLedger.describe(counts));
        announcements.record(requestId, outcome);
        return Optional.of(outcome);
    }

    /** The safety net: settles requests whose tasks were all closed without settling them (run periodically). */
    public int settleReady(int limit) {
        List<String> ready = tasks.requestsReadyToSettle(limit);
        int settled = 0;
        for (String requestId : ready) {
            if (tx.inTransaction(() -> settle(requestId)).isPresent()) {
                settled++;
            }
        }
        return settled;
    }
}
