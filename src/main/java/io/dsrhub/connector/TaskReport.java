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
        String note, Instant finishedAt, ProcessorReport processor, BackupReport backup) {

    /** A report of a database or bucket system (no processor, no backups). */
    public TaskReport(String system, String kind, String action, List<String> categories, List<TableReport> tables,
            List<RegionReport> regions, ExportReport export, List<RetainedReport> retained, String note,
            Instant finishedAt) {
        this(system, kind, action, categories, tables, regions, export, retained, note, finishedAt, null, null);
    }

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

    /**
     * A processor (an API, an OpenDSR processor, or one asked by e-mail): what it holds and did, its own reference
     * and status, the evidence of what it was asked and answered. See docs/processors.md.
     *
     * @param protocol  {@code http}, {@code opendsr} or {@code notice}
     * @param records   what the processor holds (a customer, its charges, ...), per kind of record
     * @param reference the processor's or the hub's id of the request there (OpenDSR subject_request_id)
     * @param status    the processor's last status ({@code pending}, {@code completed}, {@code answered}, ...)
     * @param receipt   evidence: the signed receipt or status the processor answered with (signature and body)
     * @param notice    for processors asked by e-mail: when the notice and reminders went out, and the answer
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ProcessorReport(String processor, String protocol, List<ProcessorRecords> records,
            String reference, String status, Instant expectedCompletion, Receipt receipt, NoticeReport notice) {
    }

    /** Records of one kind at a processor: how many were found, exported and erased, and their ids there. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ProcessorRecords(String kind, int found, int exported, int erased, List<String> ids) {
    }

    /** A signed answer of a processor, kept as evidence: the signature header and the body it signs. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Receipt(String domain, String signature, boolean verified, String body, Instant receivedAt) {
    }

    /** A notice e-mailed to a processor's privacy contact, its reminders and the processor's answer. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NoticeReport(String contact, List<String> identifiers, Instant sentAt, int reminders,
            Instant lastReminderAt, Instant answeredAt, String answer) {
    }

    /**
     * Backups that may still hold the subject after an erasure, when the last of them ages out, and the suppression
     * entry a restore re-applies.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record BackupReport(List<BackupSetReport> sets, LocalDate agesOutOn, Long suppressionId,
            String restoresInto) {
    }

    /** One backup set: its retention, where it is, the backups that may hold the subject and when they age out. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record BackupSetReport(String set, String retention, String bucket, int backups, List<String> keys,
            LocalDate agesOutOn) {
    }
}
