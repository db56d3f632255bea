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
            "not-found", TaskStatus.NOT_FOUND, "retained", TaskStatus.RETAINED);

    private final JdbcClient jdbc;
    private final TaskLedger tasks;
    private final RequestLedger requests;
    private final AuditTrail audit;
    private final FanIn fanIn;
    private final LedgerTransactions tx;
    private final RequestBodies bodies;
    private final Clock clock;

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
    }

    public void complete(Exchange exchange) {
        TaskRecord task = task(exchange);
        JsonNode body = parse(bodies.read(exchange));
        TaskStatus outcome = OUTCOMES.get(body.path("outcome").asText(""));
        if (outcome == null) {
            throw new HttpProblem(400, "the outcome is missing or unknown",
                    List.of(new FieldError("outcome", "must be one of done, not-found, retained")));
        }
        String note = body.path("note").asText("");
        if (note.length() > 2000) {
            throw new HttpProblem(400, "the note is too long", List.of(new FieldError("note",
                    "must be at most 2000 characters")));
        }
        String operator = exchange.getProperty(AdminAccess.OPERATOR, "operator", String.class);
        TaskInput input = TaskJson.read(task.input(), TaskInput.class);
        TaskReport report = new TaskReport(task.systemId(), "manual", task.action(), input.categories(), null, null,
                null, null, "completed by " + operator + (note.isBlank() ? "" : ": " + note), clock.instant());
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
