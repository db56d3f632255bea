package io.dsrhub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.controller.Controller;
import io.dsrhub.domain.Channel;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.NewRequest;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.Requester;
import io.dsrhub.domain.RequesterKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON body of {@code POST /api/v1/requests}:
 * <pre>{"controller": "isocket", "types": ["access"], "identities": [{"type": "email", "value": "a@b.fi"}],
 *  "country": "FI", "jurisdiction": "FI", "language": "fi",
 *  "requester": {"kind": "agent", "name": "...", "email": "..."}, "details": "..."}</pre>
 * Every problem is collected and reported together against its field.
 */
public final class ApiSubmissionReader {

    private static final Set<String> FIELDS = Set.of("controller", "types", "identities", "country", "jurisdiction",
            "language", "requester", "details");

    private final ObjectMapper json = new ObjectMapper();
    private final SubmissionRules rules;

    public ApiSubmissionReader(SubmissionRules rules) {
        this.rules = rules;
    }

    public NewRequest read(String body, String idempotencyKey, Instant receivedAt) {
        FieldErrors errors = new FieldErrors();
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            errors.add("body", "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
            errors.throwIfAny();
            return null;
        }
        if (root == null || !root.isObject()) {
            errors.add("body", "must be a JSON object");
            errors.throwIfAny();
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(name, "is not a known field; known fields are " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        Optional<Controller> controller = rules.controller("controller", text(root, "controller", errors), errors);
        Set<RequestType> types = types(root.get("types"), errors);
        List<Identity> identities = identities(root.get("identities"), errors);
        Requester requester = requester(root.get("requester"), errors);
        String country = rules.country("country", text(root, "country", errors), errors);
        String jurisdiction = rules.jurisdiction("jurisdiction", text(root, "jurisdiction", errors), errors);
        String language = rules.language("language", text(root, "language", errors), controller.orElse(null), errors);
        String details = rules.text("details", text(root, "details", errors), SubmissionRules.MAX_DETAILS, errors);
        NewRequest request = new NewRequest(controller.map(Controller::id).orElse(null), types, identities, requester,
                country, jurisdiction == null ? country : jurisdiction, language, details, Channel.API,
                idempotencyKey, null, receivedAt);
        if (errors.isEmpty() && request.replyAddress().isEmpty()) {
            errors.add("identities", "must include an e-mail address (or give requester.email) so that we can reply");
        }
        errors.throwIfAny();
        return request;
    }

    private static String text(JsonNode root, String field, FieldErrors errors) {
        return JsonFields.text(root, field, field, errors);
    }

    private Set<RequestType> types(JsonNode node, FieldErrors errors) {
        Set<RequestType> types = EnumSet.noneOf(RequestType.class);
        if (node == null || node.isNull()) {
            errors.add("types", "is required: a list of request types such as [\"access\", \"erasure\"]");
            return types;
        }
        if (!node.isArray() || node.isEmpty()) {
            errors.add("types", "must be a non-empty list of request types such as [\"access\", \"erasure\"]");
            return types;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            Optional<RequestType> type = item.isTextual() ? RequestType.fromCode(item.asText()) : Optional.empty();
            if (type.isEmpty()) {
                errors.add("types[" + i + "]", "must be one of " + SubmissionRules.codes(RequestType.values()));
            } else {
                types.add(type.get());
            }
        }
        return types;
    }

    private List<Identity> identities(JsonNode node, FieldErrors errors) {
        Set<Identity> identities = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            errors.add("identities", "is required: a list such as [{\"type\": \"email\", \"value\": \"...\"}]");
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            errors.add("identities", "must be a non-empty list such as [{\"type\": \"email\", \"value\": \"...\"}]");
            return List.of();
        }
        if (node.size() > SubmissionRules.MAX_IDENTITIES) {
            errors.add("identities", "must not have more than " + SubmissionRules.MAX_IDENTITIES + " entries");
            return List.of();
        }
        for (int i = 0; i < node.size(); i++) {
            String field = "identities[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                errors.add(field, "must be an object with 'type' and 'value'");
                continue;
            }
            JsonNode type = item.get("type");
            JsonNode value = item.get("value");
            if (type == null || !type.isTextual()) {
                errors.add(field + ".type", "is required and must be a string");
                continue;
            }
            if (value == null || !value.isTextual()) {
                errors.add(field + ".value", "is required and must be a string");
                continue;
            }
            rules.identity(field, type.asText(), value.asText(), errors).ifPresent(identities::add);
        }
        return new ArrayList<>(identities);
    }

    private Requester requester(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return new Requester(RequesterKind.SUBJECT, null, null);
        }
        if (!node.isObject()) {
            errors.add("requester", "must be an object with 'kind', 'name' and 'email'");
            return new Requester(RequesterKind.SUBJECT, null, null);
        }
        String kindText = text(node, "kind", errors);
        RequesterKind kind = RequesterKind.SUBJECT;
        if (kindText != null) {
            Optional<RequesterKind> parsed = RequesterKind.fromCode(kindText);
            if (parsed.isEmpty()) {
                errors.add("requester.kind", "must be one of subject, agent, guardian");
            } else {
                kind = parsed.get();
            }
        }
        boolean someoneElse = kind != RequesterKind.SUBJECT;
        String name = rules.line("requester.name", JsonFields.text(node, "name", "requester.name", errors),
                SubmissionRules.MAX_NAME, someoneElse, errors);
        String email = rules.email("requester.email", JsonFields.text(node, "email", "requester.email", errors), someoneElse,
                errors);
        return new Requester(kind, name, email);
    }
}
