package io.dsrhub.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the tasks of a request did, read from their results in the ledger ({@code request_task.result}, see
 * docs/fulfilment.md section 4) for the reply: per system what was exported, erased or changed, what retention rules
 * kept (basis and purge date), which backups still hold data, which processors were told and what they answered,
 * and what could not be done. Results are read generically: unknown fields are ignored, so results of connectors
 * added later (processor notices, backups) show up as long as they carry the usual fields. Never personal data:
 * only system names, table names, counts, dates and notes.
 */
public record ReplyFacts(List<SystemLine> systems, List<Retention> retained, List<Backup> backups,
        List<ProcessorLine> processors, List<SystemLine> failed, List<ExportedObject> exports) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PROCESSOR_KINDS = Set.of("processor", "http", "opendsr", "stripe", "notice",
            "processor-notice", "erasure-notice");
    private static final Set<String> PROCESSOR_ACTIONS = Set.of("notify", "notify-processor", "notice");
    private static final List<String> BACKUP_UNTIL = List.of("until", "lastCopyExpiresOn", "agesOutOn", "expiresOn",
            "heldUntil", "retainedUntil", "purgeOn");
    private static final List<String> PROCESSOR_ANSWER = List.of("answer", "response", "processorStatus", "state");

    /** One task on one system: what it did, in counts. */
    public record SystemLine(String system, String action, String status, int found, int exported, int erased,
            int restricted, int retained, int objects, String note) {

        public boolean changedSomething() {
            return erased > 0 || restricted > 0;
        }
    }

    /** Data a retention rule keeps, why and until when. */
    public record Retention(String system, String rule, String basis, String purgeOn, List<String> where, int rows,
            int objects) {
    }

    /** A backup that still holds the subject's data. */
    public record Backup(String system, String until, String note) {
    }

    /** A processor the hub told about the request, and its answer. */
    public record ProcessorLine(String processor, String action, String status, String answer) {
    }

    /** An object an export task put in the export bucket. */
    public record ExportedObject(String system, String bucket, String key, long bytes, String contentType) {
    }

    public static ReplyFacts of(List<TaskRecord> tasks) {
        List<SystemLine> systems = new ArrayList<>();
        List<Retention> retained = new ArrayList<>();
        List<Backup> backups = new ArrayList<>();
        List<ProcessorLine> processors = new ArrayList<>();
        List<SystemLine> failed = new ArrayList<>();
        List<ExportedObject> exports = new ArrayList<>();
        for (TaskRecord task : tasks) {
            if ("purge".equals(task.action())) {
                continue;
            }
            JsonNode result = read(task.result());
            String system = text(result, "system", task.systemId());
            String kind = text(result, "kind", "").toLowerCase(Locale.ROOT);
            String note = text(result, "note", null);
            if (task.status() == TaskStatus.DEAD) {
                failed.add(new SystemLine(system, task.action(), task.status().name(), 0, 0, 0, 0, 0, 0, null));
                continue;
            }
            JsonNode processor = result.path("processor");
            if (processor.isObject()) {
                processors.add(new ProcessorLine(text(processor, "processor", system), task.action(),
                        task.status().name(), processorAnswer(processor, note)));
                continue;
            }
            JsonNode backup = result.path("backup");
            if (backup.isObject()) {
                List<String> sets = new ArrayList<>();
                backup.path("sets").forEach(set -> sets.add(text(set, "set", "?")));
                backups.add(new Backup(system, text(backup, "agesOutOn", null),
                        sets.isEmpty() ? note : String.join(", ", sets)));
                continue;
            }
            if (PROCESSOR_KINDS.contains(kind) || PROCESSOR_ACTIONS.contains(task.action())) {
                String answer = first(result, PROCESSOR_ANSWER);
                processors.add(new ProcessorLine(text(result, "processor", system), task.action(),
                        task.status().name(), answer != null ? answer : note));
                continue;
            }
            if ("backup".equals(kind) || task.action().contains("backup")) {
                backups.add(new Backup(system, first(result, BACKUP_UNTIL), note));
                continue;
            }
            int found = 0;
            int exported = 0;
            int erased = 0;
            int restricted = 0;
            int kept = 0;
            int objects = 0;
            for (JsonNode table : result.path("tables")) {
                found += table.path("found").asInt();
                exported += table.path("exported").asInt();
                erased += table.path("erased").asInt();
                restricted += table.path("restricted").asInt();
                kept += table.path("retained").asInt();
            }
            for (JsonNode region : result.path("regions")) {
                objects += region.path("objects").asInt();
                exported += region.path("exported").asInt();
                erased += region.path("erased").asInt();
                kept += region.path("retained").asInt();
            }
            systems.add(new SystemLine(system, task.action(), task.status().name(), found, exported, erased,
                    restricted, kept, objects, note));
            for (JsonNode term : result.path("retained")) {
                List<String> where = new ArrayList<>();
                term.path("tables").forEach(t -> where.add(t.asText()));
                term.path("regions").forEach(r -> where.add(r.asText()));
                retained.add(new Retention(system, text(term, "rule", ""), text(term, "basis", ""),
                        text(term, "purgeOn", ""), where, term.path("rows").asInt(), term.path("objects").asInt()));
            }
            JsonNode export = result.path("export");
            for (JsonNode object : export.path("objects")) {
                exports.add(new ExportedObject(system, text(export, "bucket", null), text(object, "key", null),
                        object.path("bytes").asLong(), text(object, "contentType", "application/octet-stream")));
            }
        }
        return new ReplyFacts(systems, retained, backups, processors, failed, exports);
    }

    /** Systems where something was erased, changed or restricted, or an operator recorded a change. */
    public List<SystemLine> changed() {
        return systems.stream().filter(s -> s.changedSomething() || (s.note() != null
                && "DONE".equals(s.status()))).toList();
    }

    private static JsonNode read(String result) {
        if (result == null || result.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(result);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /**
     * What a processor answered (the reply to a notice) or, for processors with an API, what it did: the result
     * shape of the processor connectors (docs/processors.md section 6).
     */
    private static String processorAnswer(JsonNode processor, String note) {
        String answer = text(processor.path("notice"), "answer", null);
        if (answer != null) {
            return answer;
        }
        List<String> done = new ArrayList<>();
        for (JsonNode records : processor.path("records")) {
            String what = text(records, "kind", "records");
            if (records.path("erased").asInt() > 0) {
                done.add(records.path("erased").asInt() + " " + what + " erased");
            } else if (records.path("exported").asInt() > 0) {
                done.add(records.path("exported").asInt() + " " + what + " exported");
            } else if (records.path("found").asInt() > 0) {
                done.add(records.path("found").asInt() + " " + what + " found");
            }
        }
        if (!done.isEmpty()) {
            return String.join(", ", done);
        }
        String status = text(processor, "status", null);
        return status != null ? status : note;
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? otherwise : value.asText();
    }

    private static String first(JsonNode node, List<String> fields) {
        for (String field : fields) {
            String value = text(node, field, null);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
