package io.dsrhub.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of one task as stored in {@code request_task.result} (JSON). Its shape is documented in
 * {@code docs/fulfilment.md}; the replies read it to build the data package and the erasure report.
 *
 * @param tables   database systems: what was found, exported, erased, restricted or retained per table
 * @param regions  bucket systems: what was found, exported or erased per region
 * @param export   where exported data was put (objects in the hub's export bucket, or links)
 * @param retained what retention rules kept, with their legal basis and purge date
 * @param purged   for purge tasks: what was erased now that retention ended
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TaskReport(String system, String kind, String action, List<String> categories,
        List<TableReport> tables, List<RegionReport> regions, ExportReport export, List<RetainedReport> retained,
        String note, Instant finishedAt) {

    /** One table of a database system. Counts are rows. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TableReport(String table, int found, int exported, int erased, int restricted, int retained,
            String strategy, List<String> columns) {
    }

    /** One region (endpoint and bucket) of a bucket system. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RegionReport(String region, String bucket, int objects, int versions, long bytes, int exported,
            int erased, int retained, List<String> keys, boolean keysTruncated) {
    }

    /** Exported data: objects written to the hub's export bucket, or presigned links to the system's objects. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ExportReport(String bucket, List<ExportedObject> objects, long bytes, List<ExportLink> links) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ExportedObject(String key, long bytes, String source, String contentType) {
    }

    public record ExportLink(String url, String source, long bytes, Instant expiresAt) {
    }

    /** Data kept by one retention rule until {@code purgeOn}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RetainedReport(String rule, String basis, LocalDate purgeOn, List<String> tables,
            List<String> regions, int rows, int objects) {
    }
}
