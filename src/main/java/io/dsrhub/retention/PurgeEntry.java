package io.dsrhub.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * Data an erasure kept because of a retention rule, to be erased on {@code purgeOn}: rows by primary key (database
 * systems) or object locations (bucket systems).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PurgeEntry(LocalDate purgeOn, String rule, String basis, List<RetainedRows> rows,
        List<RetainedObjects> objects) {

    /**
     * Rows of one table.
     *
     * @param columns the columns to erase with their strategies on the purge date; empty when the rows are deleted
     * @param keys    the rows' primary keys, each value in text form
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RetainedRows(String table, List<String> columns, List<List<String>> keys) {
    }

    /** Every version of the objects at one key or under one prefix of one region's bucket. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RetainedObjects(String region, String bucket, String location, boolean prefix, int objects,
            long bytes) {
    }

    public int rowCount() {
        return rows == null ? 0 : rows.stream().mapToInt(r -> r.keys().size()).sum();
    }

    public int objectCount() {
        return objects == null ? 0 : objects.stream().mapToInt(RetainedObjects::objects).sum();
    }
}
