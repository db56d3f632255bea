package io.dsrhub.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.connector.TaskReport;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.ops.AdminAccess;
import io.dsrhub.web.FieldError;
import io.dsrhub.web.HttpAnswers;
import io.dsrhub.web.HttpProblem;
import io.dsrhub.web.RequestBodies;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator's hand in the task engine: {@code POST /api/v1/admin/tasks/{id}/complete} records the outcome of a
 * manual task ({@code {"outcome": "done" | "not-found" | "retained", "note": "..."}}) and
 * {@code POST /api/v1/admin/tasks/{id}/retry} sends a dead task back to the queue while its request is still open
 * (or a dead purge at any time). Both are audited under the operator's name and end with the fan-in check.
 */
public final class OperatorTasks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, TaskStatus> OUTCOMES = Map.of("done", TaskStatus.DONE,
            "not-found", TaskStatus.NOT_FOUND, "retained", TaskStatus.RETAINED,
            "found", TaskStatus.DONE, "erased", TaskStatus.DONE, "nothing", TaskStatus.NOT_FOUND);
    private static final java.util.regex.Pattern ATTACHMENT_NAME =
            java.util.regex.Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");

    private final JdbcClient jdbc;
    private final TaskLedger tasks;
    private final RequestLedger requests;
    private final AuditTrail audit;
    private final FanIn fanIn;
    private final LedgerTransactions tx;
    private final RequestBodies bodies;
    private final Clock clock;
    private final java.util.function.Supplier<io.dsrhub.storage.ExportStore> exports;

    public OperatorTasks(JdbcClient jdbc, TaskLedger tasks, RequestLedger requests, AuditTrail audit, FanIn fanIn,
            LedgerTransactions tx, RequestBodies bodies, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.requests = requests;
        this.audit = audit;
        this.fanIn = fanIn;
        this.tx = tx;
        this.bodies = bodies;
        this.clock = clock;
        this.exports = () -> null;
    }

    /** With the export store, so that a completed manual task may carry an attachment (an export, a screenshot). */
    public OperatorTasks(JdbcClient jdbc, TaskLedger tasks, RequestLedger requests, AuditTrail audit, FanIn fanIn,
            LedgerTransactions tx, RequestBodies bodies, Clock clock,
            java.util.function.Supplier<io.dsrhub.storage.ExportStore> exports) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.requests = requests;
        this.audit = audit;
        this.fanIn = fanIn;
        this.tx = tx;
        this.bodies = bodies;
        this.clock = clock;
        this.exports = exports;
    }

    public void complete(Exchange exchange) {
        TaskRecord task = task(exchange);
        JsonNode body = parse(bodies.read(exchange));
        TaskStatus outcome = OUTCOMES.get(body.path("outcome").asText(""));
        if (outcome == null) {
            throw new HttpProblem(400, "the outcome is missing or unknown",
                    List.of(new FieldError("outcome", "must be one of done, not-found, retained (or found, erased, "
                            + "nothing)")));
        }
        String note = body.path("note").asText("");
        if (note.length() > 2000) {
            throw new HttpProblem(400, "the note is too long", List.of(new FieldError("note",
                    "must be at most 2000 characters")));
        }
        String operator = exchange.getProperty(AdminAccess.OPERATOR, "operator", String.class);
        TaskInput input = TaskJson.read(task.input(), TaskInput.class);
        if (task.status() != TaskStatus.MANUAL_PENDING) {
            throw new HttpProblem(409, "only a manual task that is still open can be completed");
        }
        TaskReport.ExportReport attachment = attachment(task, body.path("attachment"));
        String word = body.path("outcome").asText("");
        TaskReport report = new TaskReport(task.systemId(), "manual", task.action(), input.categories(), null, null,
                attachment, null, "completed by " + operator + (OUTCOMES.containsKey(word) && !word.equals("done")
                        ? " (" + word + ")" : "") + (note.isBlank() ? "" : ": " + note), clock.instant());
        boolean moved = tx.inTransaction(() -> {
            lock(task.requestId());
            if (!tasks.move(task.id(), TaskStatus.MANUAL_PENDING, outcome, TaskJson.write(report), clock.instant())) {
                return false;
            }
            audit.record(task.requestId(), operator, "TASK_COMPLETED_BY_OPERATOR", "task=" + task.id() + " system="
                    + task.systemId() + " action=" + task.action() + " outcome=" + outcome);
            fanIn.settle(task.requestId());
            return true;
        });
        if (!moved) {
            throw new HttpProblem(409, "only a manual task that is still open can be completed");
        }
        answer(exchange, task.id());
    }

    public void retry(Exchange exchange) {
        TaskRecord task = task(exchange);
        SubjectRequest request = requests.find(task.requestId()).orElseThrow(HttpProblem::notFound);
        boolean purge = TaskAction.PURGE.code().equals(task.action());
        if (!purge && request.status() != RequestStatus.IN_PROGRESS
                && request.status() != RequestStatus.AWAITING_MANUAL) {
            throw new HttpProblem(409, "the request is " + request.status() + "; only tasks of a request still "
                    + "in progress can be retried");
        }
        String operator = exchange.getProperty(AdminAccess.OPERATOR, "operator", String.class);
        boolean moved = tx.inTransaction(() -> {
            lock(task.requestId());
            if (!tasks.move(task.id(), TaskStatus.DEAD, TaskStatus.PENDING, null, clock.instant())) {
                return false;
            }
            audit.record(task.requestId(), operator, "TASK_RETRIED_BY_OPERATOR", "task=" + task.id() + " system="
                    + task.systemId() + " action=" + task.action());
            return true;
        });
        if (!moved) {
            throw new HttpProblem(409, "only a dead task can be retried");
        }
        answer(exchange, task.id());
    }

    /**
     * An attachment sent with a manual task's result ({@code {"name", "contentType", "content": base64}}), kept in
     * the export bucket beside the request's other exports.
     */
    private TaskReport.ExportReport attachment(TaskRecord task, JsonNode attachment) {
        if (attachment.isMissingNode() || attachment.isNull()) {
            return null;
        }
        String name = attachment.path("name").asText("");
        if (!ATTACHMENT_NAME.matcher(name).matches()) {
            throw new HttpProblem(400, "the attachment needs a plain file name", List.of(new FieldError(
                    "attachment.name", "must be letters, digits, '.', '_' or '-' (at most 100)")));
        }
        String type = attachment.path("contentType").asText("application/octet-stream");
        if (!type.matches("^[a-z]+/[A-Za-z0-9.+-]+$")) {
            throw new HttpProblem(400, "the attachment's content type is not valid", List.of(new FieldError(
                    "attachment.contentType", "must be a media type such as text/csv")));
        }
        byte[] content;
        try {
            content = java.util.Base64.getDecoder().decode(attachment.path("content").asText(""));
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "the attachment is not base64", List.of(new FieldError("attachment.content",
                    "must be base64")));
        }
        io.dsrhub.storage.ExportStore store = exports.get();
        if (store == null || content.length == 0) {
            throw new HttpProblem(400, "the attachment cannot be kept", List.of(new FieldError("attachment",
                    "must have content, and the hub needs its export store")));
        }
        String key = store.keyOf(task.requestId(), task.systemId(), "manual-" + task.id() + "-" + name);
        try {
            long size = store.copy(new java.io.ByteArrayInputStream(content), key, type);
            return new TaskReport.ExportReport(store.bucket(), List.of(new TaskReport.ExportedObject(key, size,
                    task.systemId(), type)), size, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TaskRecord task(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        if (id == null || !id.matches("^[0-9]{1,18}$")) {
            throw HttpProblem.notFound();
        }
        return tasks.find(Long.parseLong(id)).orElseThrow(HttpProblem::notFound);
    }

    private void answer(Exchange exchange, long id) {
        TaskRecord task = tasks.find(id).orElseThrow();
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", task.id()).put("request", task.requestId()).put("system", task.systemId())
                .put("action", task.action()).put("status", task.status().name())
                .put("requestStatus", requests.find(task.requestId()).orElseThrow().status().name());
        HttpAnswers.json(exchange, 200, answer.toString());
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body.isBlank() ? "{}" : body);
            if (node == null || !node.isObject()) {
                throw new HttpProblem(400, "expected a JSON object", List.of(new FieldError("body",
                        "must be a JSON object")));
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HttpProblem(400, "the body is not valid JSON", List.of(new FieldError("body",
                    "must be valid JSON")));
        }
    }

    private void lock(String requestId) {
        jdbc.sql("SELECT id FROM subject_request WHERE id = :id FOR UPDATE").param("id", requestId)
                .query(String.class).list();
    }
}
