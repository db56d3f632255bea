package io.dsrhub.connector;

import java.time.Instant;

/**
 * The task is waiting for someone else (a processor asked by e-mail, an OpenDSR processor still working): it goes
 * back to the ledger as PENDING until {@code wakeAt}, holding no worker and no lease. A reply, a callback or the
 * poll time wakes it; the connector then looks at what arrived and finishes or waits again.
 */
public class TaskWaiting extends RuntimeException {

    private final transient Instant wakeAt;
    private final transient TaskReport report;

    public TaskWaiting(String why, Instant wakeAt, TaskReport report) {
        super(why, null, false, false);
        this.wakeAt = wakeAt;
        this.report = report;
    }

    public Instant wakeAt() {
        return wakeAt;
    }

    /** What the task has done so far (the notice sent, the processor's receipt), kept as the task's result. */
    public TaskReport report() {
        return report;
    }
}
