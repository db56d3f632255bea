package io.dsrhub.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.intake.FieldErrors;
import io.dsrhub.intake.JsonFields;
import io.dsrhub.intake.SubmissionRules;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ops.AdminAccess;
import io.dsrhub.web.FieldError;
import io.dsrhub.web.HttpAnswers;
import io.dsrhub.web.HttpProblem;
import io.dsrhub.web.RequestBodies;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * The operator's calls on a request's clock, under {@code /api/v1/admin/requests/{id}/} (guarded by
 * {@link AdminAccess}):
 * <ul>
 *   <li>{@code POST .../extension} {@code {"reason": "...", "until": "2025-04-01"}}: extends the deadline (reason
 *   required, {@code until} optional) and notifies the subject; 409 with the reason when the law does not allow
 *   it;</li>
 *   <li>{@code POST .../pause} {@code {"reason": "..."}} and {@code POST .../resume}: stop and restart the clock
 *   while waiting for the requester, where the regime allows it.</li>
 * </ul>
 * Each answers with the request's dates (days left included) and its clock.
 */
public final class DeadlineAdminApi {

    static final int MAX_REASON = 2000;
    static final int MIN_REASON = 10;

    private final ObjectMapper json = new ObjectMapper();
    private final DeadlineEngine engine;
    private final RequestLedger ledger;
    private final RequestBodies bodies;
    private final SubmissionRules rules;
    private final ClockView view;
    private final Clock clock;

    public DeadlineAdminApi(DeadlineEngine engine, RequestLedger ledger, RequestBodies bodies, SubmissionRules rules,
            ClockView view, Clock clock) {
        this.engine = engine;
        this.ledger = ledger;
        this.bodies = bodies;
        this.rules = rules;
        this.view = view;
        this.clock = clock;
    }

    public void extend(Exchange exchange) {
        String id = existing(exchange);
        JsonNode body = object(exchange, Set.of("reason", "until"));
        FieldErrors errors = new FieldErrors();
        String reason = reason(body, errors);
        LocalDate until = null;
        String untilText = JsonFields.text(body, "until", "until", errors);
        if (untilText != null) {
            try {
                until = LocalDate.parse(untilText.strip());
            } catch (DateTimeParseException e) {
                errors.add("until", "must be a date such as 2025-04-30");
            }
        }
        errors.throwIfAny();
        ClockChange change = engine.extend(id, operator(exchange), reason, until);
        answer(exchange, id, change, 201);
    }

    public void pause(Exchange exchange) {
        String id = existing(exchange);
        JsonNode body = object(exchange, Set.of("reason"));
        FieldErrors errors = new FieldErrors();
        String reason = reason(body, errors);
        errors.throwIfAny();
        answer(exchange, id, engine.pause(id, clock.instant(), operator(exchange), reason), 200);
    }

    public void resume(Exchange exchange) {
        String id = existing(exchange);
        object(exchange, Set.of());
        answer(exchange, id, engine.resume(id, clock.instant(), operator(exchange)), 200);
    }

    private void answer(Exchange exchange, String id, ClockChange change, int status) {
        if (!change.isMade()) {
            throw new HttpProblem(409, change.refusal(), List.of(new FieldError("request", change.refusal())));
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("id", id);
        var request = ledger.find(id).orElseThrow();
        answer.put("dueAt", request.dueAt() == null ? null : request.dueAt().toString());
        ArrayNode dates = answer.putArray("dueDates");
        for (DueDate date : ledger.dueDates(id)) {
            dates.addObject().put("kind", date.kind().name()).put("dueOn", date.dueOn().toString())
                    .put("dueAt", date.dueAt().toString()).put("rule", date.rule()).put("inForce", date.inForce());
        }
        answer.set("clock", view.of(id));
        if (change.note() != null) {
            answer.put("note", change.note());
        }
        HttpAnswers.json(exchange, status, answer.toString());
    }

    private String existing(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        if (id == null || ledger.find(id).isEmpty()) {
            throw HttpProblem.notFound();
        }
        return id;
    }

    private String reason(JsonNode body, FieldErrors errors) {
        String reason = rules.text("reason", JsonFields.text(body, "reason", "reason", errors), MAX_REASON, errors);
        if (reason == null && !errors.has("reason")) {
            errors.add("reason", "is required: tell the data subject why more time is needed");
        } else if (reason != null && reason.length() < MIN_REASON && !errors.has("reason")) {
            errors.add("reason", "must be at least " + MIN_REASON + " characters: it is sent to the data subject");
        }
        return reason;
    }

    private JsonNode object(Exchange exchange, Set<String> fields) {
        String text = bodies.read(exchange);
        if (text.isBlank()) {
            text = "{}";
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (IOException e) {
            throw new HttpProblem(400, "the body is not valid JSON", List.of(new FieldError("body", "must be a JSON object")));
        }
        if (node == null || !node.isObject()) {
            throw new HttpProblem(400, "the body must be a JSON object", List.of(new FieldError("body", "must be a JSON object")));
        }
        FieldErrors errors = new FieldErrors();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                errors.add(name, "is not a known field");
            }
        }
        errors.throwIfAny();
        return node;
    }

    private static String operator(Exchange exchange) {
        return exchange.getProperty(AdminAccess.OPERATOR, "operator", String.class);
    }
}
