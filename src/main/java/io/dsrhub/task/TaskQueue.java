package io.dsrhub.task;

import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.fulfilment.TargetSystem;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.ledger.TaskRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands due tasks to this instance's free workers: claims them in the ledger under a lease (several hub instances
 * share the work; a task whose instance died is taken over when its lease runs out), keeping each system within its
 * concurrency limit and skipping systems whose circuit is open here. Leases of running tasks are renewed.
 */
public final class TaskQueue {

    private static final Logger LOG = LoggerFactory.getLogger(TaskQueue.class);

    private final TaskLedger tasks;
    private final LedgerTransactions tx;
    private final FulfilmentCatalogue catalogue;
    private final TaskWorkers workers;
    private final SystemCircuits circuits;
    private final Clock clock;
    private final Duration lease;

    public TaskQueue(TaskLedger tasks, LedgerTransactions tx, FulfilmentCatalogue catalogue, TaskWorkers workers,
            SystemCircuits circuits, Clock clock, Duration lease) {
        this.tasks = tasks;
        this.tx = tx;
        this.catalogue = catalogue;
        this.workers = workers;
        this.circuits = circuits;
        this.clock = clock;
        this.lease = lease;
    }

    /** Claims as many due tasks as this instance has free workers. */
    public List<TaskRecord> claimDue() {
        int free = workers.free();
        if (free == 0) {
            return List.of();
        }
        List<String> admitted = new ArrayList<>();
        List<TaskRecord> claimed;
        try {
            claimed = tx.inTransaction(() -> {
                admitted.clear();
                Instant now = clock.instant();
                return tasks.claim(workers.owner(), free, now, now.plus(lease), circuits.open(), this::limitOf,
                        system -> {
                            boolean ok = circuits.admit(system);
                            if (ok) {
                                admitted.add(system);
                            }
                            return ok;
                        });
            });
        } catch (RuntimeException e) {
            admitted.forEach(circuits::released);
            throw e;
        }
        List<String> unused = new ArrayList<>(admitted);
        claimed.forEach(t -> unused.remove(t.systemId()));
        unused.forEach(circuits::released);
        workers.taken(claimed.stream().map(TaskRecord::id).toList());
        if (!claimed.isEmpty()) {
            LOG.debug("claimed tasks {}", claimed.stream().map(TaskRecord::id).toList());
        }
        return claimed;
    }

    /** Extends the leases of the tasks this instance is running. */
    public void renewLeases() {
        List<Long> running = workers.running();
        if (!running.isEmpty()) {
            Instant now = clock.instant();
            tx.run(() -> tasks.renew(workers.owner(), running, now.plus(lease), now));
        }
    }

    private int limitOf(String systemId) {
        return catalogue.system(systemId).map(TargetSystem::maxConcurrency).orElse(1);
    }
}
