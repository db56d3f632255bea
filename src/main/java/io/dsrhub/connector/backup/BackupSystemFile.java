package io.dsrhub.connector.backup;

import java.time.Period;
import java.util.List;

/**
 * A backup store ({@code type: backup}) as written: the live system its backups restore into, the categories they
 * hold, and its backup sets with their retention (daily snapshots kept 35 days, monthly ones a year).
 *
 * @param restoresInto the database system a restore writes back into; the suppression ledger is re-applied there
 */
public record BackupSystemFile(String id, String name, String type, Boolean demo, Integer maxConcurrency,
        String restoresInto, List<String> categories, List<BackupSet> sets) {

    /**
     * One set of backups: how often one is taken, how long each is kept, and optionally the bucket holding them
     * (then the backups that may hold the subject are listed from it).
     */
    public record BackupSet(String id, Period every, Period retention, Bucket bucket) {
    }

    /** Where a set's backups are: an S3-compatible bucket and a key prefix. */
    public record Bucket(String endpoint, String region, String bucket, String prefix, String accessKey,
            String secretKey) {
    }
}
