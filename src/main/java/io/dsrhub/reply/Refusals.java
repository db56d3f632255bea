package io.dsrhub.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.IllegalTransitionException;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ops.AdminAccess;
import io.dsrhub.web.FieldError;
import io.dsrhub.web.HttpAnswers;
import io.dsrhub.web.HttpProblem;
import io.dsrhub.web.RequestBodies;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * {@code POST /api/v1/admin/requests/{id}/refuse} with {@code {"ground": "...", "note": "..."}}: an operator refuses
 * a request that is still open. The ground must be one the law or the controller's policy gives
 * ({@link RefusalGrounds}); the note (required, at most 2000 characters) is quoted to the subject. The request moves
 * to REJECTED, no task of it is claimed any more, and the refusal reply is queued, all in one transaction, audited
 * under the operator's name. A closed request answers 409.
 */
public final class Refusals {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REQUEST_ID = Pattern.compile("^[A-Za-z0-9-]{1,36}$");

    private final RequestLedger requests;
    private final ControllerCatalogue controllers;
    private final Replies replies;
    private final AuditTrail audit;
    private final LedgerTransactions tx;
    private final RequestBodies bodies;

    public Refusals(RequestLedger requests, ControllerCatalogue controllers, Replies replies, AuditTrail audit,
            LedgerTransactions tx, RequestBodies bodies) {
        this.requests = requests;
        this.controllers = controllers;
        this.replies = replies;
        this.audit = audit;
        this.tx = tx;
        this.bodies = bodies;
    }

    public void refuse(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        if (id == null || !REQUEST_ID.matcher(id).matches()) {
            throw HttpProblem.notFound();
        }
        SubjectRequest request = requests.find(id).orElseThrow(HttpProblem::notFound);
        Controller controller = controllers.require(request.controllerId());
        JsonNode body = parse(bodies.read(exchange));
        Set<String> allowed = RefusalGrounds.allowedFor(controller);
        String ground = body.path("ground").asText("").strip();
        if (!allowed.contains(ground)) {
            throw new HttpProblem(400, "the ground is missing or unknown", List.of(new FieldError("ground",
                    "must be one of " + String.join(", ", allowed))));
        }
        String note = body.path("note").asText("").strip();
        if (note.isEmpty() || note.length() > 2000) {
            throw new HttpProblem(400, "the note is missing or too long", List.of(new FieldError("note",
                    "must say why, in words the subject will read (1 to 2000 characters)")));
        }
        String operator = exchange.getProperty(AdminAccess.OPERATOR, "operator", String.class);
        if (request.status().isClosed()) {
            throw new HttpProblem(409, "the request is " + request.status() + "; only an open request can be refused");
        }
        SubjectRequest refused;
        try {
            refused = tx.inTransaction(() -> {
                SubjectRequest moved = requests.transition(id, RequestStatus.REJECTED, operator, "refused: " + ground);
                audit.record(id, operator, "REQUEST_REFUSED", "ground=" + ground);
                replies.refused(moved, controller, ground, note);
                return moved;
            });
        } catch (IllegalTransitionException | io.dsrhub.ledger.ConcurrentStatusChangeException e) {
            throw new HttpProblem(409, "the request changed meanwhile and can no longer be refused");
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", refused.id()).put("reference", refused.reference()).put("status", refused.status().name())
                .put("ground", ground).put("reply", refused.replyTo() == null ? "status page" : "queued");
        HttpAnswers.json(exchange, 200, answer.toString());
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            if (node == null || !node.isObject()) {
                throw new HttpProblem(400, "expected a JSON object", List.of(new FieldError("body",
                        "must be a JSON object with ground and note")));
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HttpProblem(400, "the body is not valid JSON", List.of(new FieldError("body",
                    "must be valid JSON")));
        }
    }
}
