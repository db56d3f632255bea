package io.dsrhub.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.intake.FieldErrors;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ops.AdminAccess;
import io.dsrhub.web.FieldError;
import io.dsrhub.web.HttpAnswers;
import io.dsrhub.web.HttpProblem;
import io.dsrhub.web.RequestBodies;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * The operator's decision on a request awaiting approval (an agent's or guardian's request, a level-3 request whose
 * data points did not match, ...): {@code POST /api/v1/admin/requests/{id}/verification} with
 * {@code {"decision": "approve" | "reject", "reason": "...", "powerOfAttorney": false}}. The decision and its reason
 * go to the audit trail; a rejection's reason is also sent to the requester. 409 when the request is not awaiting
 * approval.
 */
public final class ApprovalApi {

    private static final Set<String> FIELDS = Set.of("decision", "reason", "powerOfAttorney");
    static final int MIN_REASON = 5;
    static final int MAX_REASON = 2000;

    private final ObjectMapper json = new ObjectMapper();
    private final IdentityVerification verification;
    private final RequestLedger ledger;
    private final RequestBodies bodies;

    public ApprovalApi(IdentityVerification verification, RequestLedger ledger, RequestBodies bodies) {
        this.verification = verification;
        this.ledger = ledger;
        this.bodies = bodies;
    }

    public void decide(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        if (id == null || id.length() > 36 || ledger.find(id).isEmpty()) {
            throw HttpProblem.notFound();
        }
        JsonNode body = body(exchange);
        FieldErrors errors = new FieldErrors();
        JsonNode decision = body.get("decision");
        boolean approve = false;
        if (decision == null || !decision.isTextual()
                || !Set.of("approve", "reject").contains(decision.asText())) {
            errors.add("decision", "is required: \"approve\" or \"reject\"");
        } else {
            approve = decision.asText().equals("approve");
        }
        JsonNode reason = body.get("reason");
        String reasonText = reason == null || !reason.isTextual() ? null : reason.asText().strip();
        if (reasonText == null || reasonText.length() < MIN_REASON || reasonText.length() > MAX_REASON) {
            errors.add("reason", "is required: " + MIN_REASON + " to " + MAX_REASON + " characters, for the audit trail");
        }
        JsonNode poa = body.get("powerOfAttorney");
        if (poa != null && !poa.isBoolean()) {
            errors.add("powerOfAttorney", "must be true or false");
        }
        errors.throwIfAny();
        String operator = exchange.getProperty(AdminAccess.OPERATOR, "operator", String.class);
        var after = verification.decide(id, operator, approve, reasonText, poa != null && poa.asBoolean());
        if (after.isEmpty()) {
            throw new HttpProblem(409, "the request is not awaiting approval",
                    List.of(new FieldError("request", "is not awaiting approval (status "
                            + ledger.find(id).orElseThrow().status() + ")")));
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("id", id);
        answer.put("status", after.get().status().name());
        HttpAnswers.json(exchange, 200, answer.toString());
    }

    private JsonNode body(Exchange exchange) {
        String text = bodies.read(exchange);
        JsonNode node;
        try {
            node = json.readTree(text.isBlank() ? "{}" : text);
        } catch (IOException e) {
            throw new HttpProblem(400, "the body is not valid JSON", List.of(new FieldError("body", "must be a JSON object")));
        }
        if (node == null || !node.isObject()) {
            throw new HttpProblem(400, "the body must be a JSON object", List.of(new FieldError("body", "must be a JSON object")));
        }
        FieldErrors errors = new FieldErrors();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(name, "is not a known field");
            }
        }
        errors.throwIfAny();
        return node;
    }
}
