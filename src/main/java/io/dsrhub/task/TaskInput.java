package io.dsrhub.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dsrhub.retention.PurgeEntry;
import io.dsrhub.retention.RetentionTerm;
import java.util.List;

/**
 * What a task was planned with, stored as JSON in {@code request_task.task_input}: the request types it serves,
 * the categories it targets, the retention terms an erasure respects, and for a purge the entries still to do.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TaskInput(List<String> requestTypes, List<String> categories, List<RetentionTerm> retention,
        List<PurgeEntry> purges, String note) {

    public TaskInput {
        requestTypes = requestTypes == null ? List.of() : List.copyOf(requestTypes);
        categories = categories == null ? List.of() : List.copyOf(categories);
        retention = retention == null ? List.of() : List.copyOf(retention);
        purges = purges == null ? List.of() : List.copyOf(purges);
    }
}
