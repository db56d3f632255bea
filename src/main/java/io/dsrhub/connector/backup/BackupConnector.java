package io.dsrhub.connector.backup;

import io.dsrhub.connector.Connector;
import io.dsrhub.connector.TaskOutcome;
import io.dsrhub.connector.TaskReport;
import io.dsrhub.connector.TaskWork;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.fulfilment.SystemContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A backup store. Backups cannot be edited, so an erasure does not touch them: it adds the subject's identities to
 * the suppression ledger (re-applied to the live system after any restore) and reports, per backup set, the
 * backups that may still hold the subject and the date the last of them ages out. Reads report the same sets:
 * what backups hold is what the live system held.
 */
public final class BackupConnector implements Connector {

    private static final int MAX_KEYS = 50;

    private final String systemId;
    private final String restoresInto;
    private final DataCategories categories;
    private final List<BackupSystemFile.BackupSet> sets;
    private final Map<String, BackupBucket> buckets;
    private final SystemContext context;

    BackupConnector(String systemId, String restoresInto, DataCategories categories,
            List<BackupSystemFile.BackupSet> sets, Map<String, BackupBucket> buckets, SystemContext context) {
        this.systemId = systemId;
        this.restoresInto = restoresInto;
        this.categories = categories;
        this.sets = sets;
        this.buckets = buckets;
        this.context = context;
    }

    @Override
    public String kind() {
        return "backup";
    }

    String restoresInto() {
        return restoresInto;
    }

    @Override
    public void verify() {
        buckets.values().forEach(BackupBucket::verify);
    }

    @Override
    public boolean holds(DataCategories requested) {
        return requested.overlaps(categories);
    }

    @Override
    public boolean automates(TaskAction action) {
        return action == TaskAction.FIND || action == TaskAction.EXPORT || action == TaskAction.ERASE;
    }

    @Override
    public TaskOutcome run(TaskWork work) throws Exception {
        List<TaskReport.BackupSetReport> reports = new ArrayList<>();
        for (BackupSystemFile.BackupSet set : sets) {
            reports.add(report(set, work.today()));
        }
        LocalDate agesOut = reports.stream().map(TaskReport.BackupSetReport::agesOutOn).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Long suppression = null;
        String note;
        if (work.action() == TaskAction.ERASE) {
            LocalDate until = agesOut != null ? agesOut : work.today();
            suppression = context.bean(SuppressionLedger.class).add(work.taskId(), work.requestId(), systemId,
                    restoresInto, work.identities(), work.categories().targets(), work.retention(), until);
            note = "backups are not edited; the subject is in the suppression ledger (entry " + suppression
                    + "), re-applied to " + restoresInto + " after any restore, until the last backup holding the "
                    + "subject ages out" + (agesOut == null ? "" : " on " + agesOut);
        } else {
            note = "backups hold what " + restoresInto + " held when they were taken; they are not searched";
        }
        TaskReport report = new TaskReport(systemId, kind(), work.action().code(), work.categories().targets(),
                null, null, null, null, note, context.clock().instant(), null,
                new TaskReport.BackupReport(reports, agesOut, suppression, restoresInto));
        return new TaskOutcome(TaskStatus.DONE, report, List.of());
    }

    /**
     * The backups of a set that may hold the subject (every backup taken up to now), and when the newest ages out.
     * Without a bucket the newest backup is taken to be today's.
     */
    private TaskReport.BackupSetReport report(BackupSystemFile.BackupSet set, LocalDate today) {
        BackupBucket bucket = buckets.get(set.id());
        if (bucket == null) {
            return new TaskReport.BackupSetReport(set.id(), set.retention().toString(), null, 0, null,
                    today.plus(set.retention()));
        }
        List<BackupBucket.Backup> backups = bucket.takenUntil(context.clock().instant());
        LocalDate agesOut = backups.isEmpty() ? null : LocalDate.ofInstant(backups.get(backups.size() - 1).takenAt(),
                ZoneOffset.UTC).plus(set.retention());
        List<String> keys = backups.stream().map(BackupBucket.Backup::key).limit(MAX_KEYS).toList();
        return new TaskReport.BackupSetReport(set.id(), set.retention().toString(), bucket.name(), backups.size(),
                keys, agesOut);
    }

    @Override
    public void close() {
        buckets.values().forEach(BackupBucket::close);
    }
}
