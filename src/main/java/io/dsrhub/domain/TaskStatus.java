package io.dsrhub.domain;

/** Where one task (one action on one system) stands. */
public enum TaskStatus {
    PENDING,
    RUNNING,
    DONE,
    RETAINED,
    NOT_FOUND,
    FAILED,
    DEAD,
    MANUAL_PENDING;

    /** A terminal task is never run again; a request is ready for its reply when all its tasks are terminal. */
    public boolean isTerminal() {
        return this == DONE || this == RETAINED || this == NOT_FOUND || this == DEAD;
    }
}
