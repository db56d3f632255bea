package io.dsrhub.connector;

import io.dsrhub.domain.TaskStatus;
import io.dsrhub.retention.PurgeEntry;
import java.util.List;

/**
 * What a connector did: the task's final status (DONE, NOT_FOUND or RETAINED), the report stored as the task's
 * result, and the data it kept for a later purge.
 */
public record TaskOutcome(TaskStatus status, TaskReport report, List<PurgeEntry> purges) {

    public TaskOutcome {
        purges = purges == null ? List.of() : List.copyOf(purges);
    }
}
