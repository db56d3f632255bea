package io.dsrhub.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.connector.Connector;
import io.dsrhub.connector.ConnectorRejection;
import io.dsrhub.connector.TaskOutcome;
import io.dsrhub.connector.TaskReport;
import io.dsrhub.connector.TaskWork;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.fulfilment.SystemContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A processor with an HTTP API: finds the subject's records from the request's identities, exports what the
 * export calls return into the hub's export bucket (one JSON document), erases with the erase calls. Everything
 * the processor said it holds and what was done is in the task's report ({@code processor.records}).
 */
public final class HttpConnector implements Connector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 1000;

    private final String systemId;
    private final String processor;
    private final DataCategories categories;
    private final HttpSystemFile.Call find;
    private final List<HttpSystemFile.Call> export;
    private final List<HttpSystemFile.Call> erase;
    private final ProcessorHttp http;
    private final SystemContext context;

    HttpConnector(String systemId, String processor, DataCategories categories, HttpSystemFile.Call find,
            List<HttpSystemFile.Call> export, List<HttpSystemFile.Call> erase, ProcessorHttp http,
            SystemContext context) {
        this.systemId = systemId;
        this.processor = processor;
        this.categories = categories;
        this.find = find;
        this.export = export;
        this.erase = erase;
        this.http = http;
        this.context = context;
    }

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public void verify() {
        // an API is checked by its first task; start-up does not call processors
    }

    @Override
    public boolean holds(DataCategories requested) {
        return requested.overlaps(categories);
    }

    @Override
    public boolean automates(TaskAction action) {
        return switch (action) {
            case FIND -> true;
            case EXPORT -> !export.isEmpty();
            case ERASE -> !erase.isEmpty();
            default -> false;
        };
    }

    @Override
    public TaskOutcome run(TaskWork work) throws Exception {
        List<String> ids = findIds(work.identities());
        List<TaskReport.ProcessorRecords> records = new ArrayList<>();
        TaskReport.ExportReport exported = null;
        if (ids.isEmpty()) {
            records.add(new TaskReport.ProcessorRecords(find.kind(), 0, 0, 0, List.of()));
            return outcome(work, TaskStatus.NOT_FOUND, records, null, "the processor holds no record of the subject");
        }
        switch (work.action()) {
            case FIND -> records.add(new TaskReport.ProcessorRecords(find.kind(), ids.size(), 0, 0, ids));
            case EXPORT -> exported = export(work, ids, records);
            case ERASE -> erase(work, ids, records);
            default -> throw new ConnectorRejection(work.action().code() + " is not automated on " + systemId);
        }
        return outcome(work, TaskStatus.DONE, records, exported, null);
    }

    private TaskOutcome outcome(TaskWork work, TaskStatus status, List<TaskReport.ProcessorRecords> records,
            TaskReport.ExportReport exported, String note) {
        TaskReport.ProcessorReport report = new TaskReport.ProcessorReport(processor, "http", records, null,
                status == TaskStatus.NOT_FOUND ? "not-found" : "done", null, null, null);
        return new TaskOutcome(status, new TaskReport(systemId, kind(), work.action().code(),
                work.categories().targets(), null, null, exported, null, note, context.clock().instant(), report,
                null), List.of());
    }

    /** The ids of the subject's records, from every identity the find call can use (e-mail for Stripe). */
    private List<String> findIds(List<Identity> identities) throws Exception {
        UrlTemplate template = new UrlTemplate(find.url());
        Set<String> placeholders = new LinkedHashSet<>(template.names());
        if (find.body() != null) {
            placeholders.addAll(new UrlTemplate(find.body()).names());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Identity identity : identities) {
            if (!identity.isRaw() || !placeholders.contains(identity.type().code())) {
                continue;
            }
            Map<String, String> values = Map.of(identity.type().code(), identity.value());
            for (JsonNode item : items(find, template.fill(values), body(find, values), null)) {
                String id = item.at(find.id() == null ? "/id" : find.id()).asText("");
                if (!id.isBlank()) {
                    ids.add(id);
                }
            }
        }
        return List.copyOf(ids);
    }

    /** Every record a call returns, following its pages. */
    private List<JsonNode> items(HttpSystemFile.Call call, String firstUrl, String request, String idempotencyKey)
            throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String url = firstUrl;
        for (int page = 0; page < MAX_PAGES && url != null; page++) {
            Optional<JsonNode> answer = http.call(method(call), url, call.url(), request, idempotencyKey);
            if (answer.isEmpty()) {
                break;
            }
            JsonNode body = answer.get();
            if (call.items() == null) {
                items.add(body);
                break;
            }
            JsonNode array = body.at(call.items());
            array.forEach(items::add);
            url = null;
            HttpSystemFile.Page next = call.next();
            if (next != null && body.at(next.hasMore()).asBoolean(false) && !array.isEmpty()) {
                String cursor = "last-id".equals(next.cursor())
                        ? array.get(array.size() - 1).at(call.id() == null ? "/id" : call.id()).asText("")
                        : body.at(next.cursor()).asText("");
                if (!cursor.isBlank()) {
                    url = UrlTemplate.withParam(firstUrl, next.param(), cursor);
                }
            }
        }
        return items;
    }

    private TaskReport.ExportReport export(TaskWork work, List<String> ids,
            List<TaskReport.ProcessorRecords> records) throws Exception {
        ObjectNode document = JSON.createObjectNode();
        document.put("system", systemId).put("processor", processor);
        Map<String, List<String>> idsByKind = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        ArrayNode out = document.putArray("records");
        for (String id : ids) {
            for (HttpSystemFile.Call call : export) {
                Map<String, String> values = Map.of("id", id);
                List<JsonNode> found = items(call, new UrlTemplate(call.url()).fill(values), body(call, values),
                        "POST".equals(call.method()) ? idempotencyKey(work, call, id) : null);
                ArrayNode kindArray = out.addObject().put("kind", call.kind()).put("of", id).putArray("data");
                found.forEach(kindArray::add);
                counts.merge(call.kind(), found.size(), Integer::sum);
                found.forEach(item -> idsByKind.computeIfAbsent(call.kind(), k -> new ArrayList<>())
                        .add(item.at(call.id() == null ? "/id" : call.id()).asText("")));
            }
        }
        counts.forEach((kind, n) -> records.add(new TaskReport.ProcessorRecords(kind, n, n, 0,
                idsByKind.getOrDefault(kind, List.of()))));
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        var store = context.exports().get();
        String key = store.keyOf(work.requestId(), systemId, systemId + ".json");
        long size = store.copy(new ByteArrayInputStream(bytes), key, "application/json");
        return new TaskReport.ExportReport(store.bucket(), List.of(new TaskReport.ExportedObject(key, size, systemId,
                "application/json")), size, null);
    }

    private void erase(TaskWork work, List<String> ids, List<TaskReport.ProcessorRecords> records) throws Exception {
        for (HttpSystemFile.Call call : erase) {
            int erased = 0;
            List<String> done = new ArrayList<>();
            for (String id : ids) {
                String url = new UrlTemplate(call.url()).fill(Map.of("id", id));
                String key = idempotencyKey(work, call, id);
                Optional<JsonNode> answer = http.call(method(call), url, call.url(), body(call, Map.of("id", id)),
                        key);
                if (answer.isEmpty()) {
                    continue;
                }
                if (call.check() != null && !answer.get().at(call.check()).asBoolean(false)) {
                    throw new java.io.IOException("the processor did not confirm the erasure of a " + call.kind()
                            + " (" + call.check() + " is not true)");
                }
                erased++;
                done.add(id);
            }
            records.add(new TaskReport.ProcessorRecords(call.kind(), ids.size(), 0, erased, done));
        }
    }

    /** The same key on every attempt of the task, so a retried erasure is not done twice by the processor. */
    private static String idempotencyKey(TaskWork work, HttpSystemFile.Call call, String id) {
        return "dsr-" + UUID.nameUUIDFromBytes((work.requestId() + "|" + work.taskId() + "|" + call.kind() + "|"
                + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String body(HttpSystemFile.Call call, Map<String, String> values) {
        return call.body() == null ? null : new UrlTemplate(call.body()).fillJson(values);
    }

    private static String method(HttpSystemFile.Call call) {
        return call.method() == null ? "GET" : call.method();
    }

    @Override
    public void close() {
        // the JDK client needs no closing on Java 17
    }
}
