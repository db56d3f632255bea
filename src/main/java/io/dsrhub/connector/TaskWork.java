package io.dsrhub.connector;

import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.retention.PurgeEntry;
import io.dsrhub.retention.RetentionTerm;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a connector needs for one task: whose data (the request's identities, plus any derived from another
 * system), which categories, the retention rules an erasure must respect, and for a purge what is due.
 *
 * @param today the day the task runs, in the controller's time zone (retention periods count from it)
 */
public record TaskWork(long taskId, String requestId, String controllerId, String systemId, TaskAction action,
        List<Identity> identities, DataCategories categories, List<RetentionTerm> retention, LocalDate today,
        List<PurgeEntry> purges) {
}
