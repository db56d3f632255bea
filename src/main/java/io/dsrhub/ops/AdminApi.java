package io.dsrhub.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.intake.FieldErrors;
import io.dsrhub.ledger.AuditEvent;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestFilter;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.mailbox.InboundMessage;
import io.dsrhub.mailbox.InboundMessages;
import io.dsrhub.outbox.OutboundMessage;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.web.HttpAnswers;
import io.dsrhub.web.HttpProblem;
import io.dsrhub.web.StatusView;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The operator API: {@code GET /api/v1/admin/requests} (filters {@code controller}, {@code status}, {@code type},
 * paging {@code limit} and {@code offset}) and {@code GET /api/v1/admin/requests/{id}} with identities, tasks,
 * dates, messages sent and received (with their attachments kept as evidence) and the audit trail (with a check of
 * its hash chain). Opening a request's detail is itself
 * recorded in its audit trail.
 */
public final class AdminApi {

    private static final int MAX_LIMIT = 500;

    private final ObjectMapper json = new ObjectMapper();
    private final RequestLedger ledger;
    private final TaskLedger tasks;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final ControllerCatalogue controllers;
    private final StatusView view;
    private final LedgerTransactions tx;
    private final InboundMessages inbound;

    public AdminApi(RequestLedger ledger, TaskLedger tasks, AuditTrail audit, Outbox outbox,
            ControllerCatalogue controllers, StatusView view, LedgerTransactions tx, InboundMessages inbound) {
        this.inbound = inbound;
        this.ledger = ledger;
        this.tasks = tasks;
        this.audit = audit;
        this.outbox = outbox;
        this.controllers = controllers;
        this.view = view;
        this.tx = tx;
    }

    public void list(Exchange exchange) {
        FieldErrors errors = new FieldErrors();
        String controller = exchange.getIn().getHeader("controller", String.class);
        if (controller != null && controllers.find(controller).isEmpty()) {
            errors.add("controller", "is not a controller served here");
        }
        RequestStatus status = parse(RequestStatus.class, exchange.getIn().getHeader("status", String.class),
                "status", errors);
        RequestType type = Optional.ofNullable(exchange.getIn().getHeader("type", String.class))
                .map(t -> RequestType.fromCode(t).orElseGet(() -> {
                    errors.add("type", "must be one of " + Arrays.stream(RequestType.values())
                            .map(RequestType::code).toList());
                    return null;
                }))
                .orElse(null);
        int limit = number(exchange.getIn().getHeader("limit", String.class), 50, 1, MAX_LIMIT, "limit", errors);
        int offset = number(exchange.getIn().getHeader("offset", String.class), 0, 0, Integer.MAX_VALUE, "offset", errors);
        errors.throwIfAny();
        RequestFilter filter = new RequestFilter(controller, status, type, limit, offset);
        ObjectNode answer = json.createObjectNode();
        answer.put("total", ledger.count(filter));
        answer.put("limit", limit);
        answer.put("offset", offset);
        ArrayNode items = answer.putArray("requests");
        for (SubjectRequest request : ledger.search(filter)) {
            items.add(view.of(request, controllers.require(request.controllerId()), ledger.dueDates(request.id())));
        }
        HttpAnswers.json(exchange, 200, answer.toString());
    }

    public void detail(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        SubjectRequest request = ledger.find(id).orElseThrow(HttpProblem::notFound);
        String operator = exchange.getProperty(AdminAccess.OPERATOR, "operator", String.class);
        tx.run(() -> audit.record(id, operator, "OPERATOR_VIEWED", "GET /api/v1/admin/requests/" + id));
        Controller controller = controllers.require(request.controllerId());
        ObjectNode answer = view.of(request, controller, ledger.dueDates(id));
        ObjectNode requester = answer.putObject("requester");
        requester.put("kind", request.requester().kind().name());
        requester.put("name", request.requester().name());
        requester.put("email", request.requester().email());
        answer.put("replyTo", request.replyTo());
        answer.put("country", request.country());
        answer.put("jurisdiction", request.jurisdiction());
        answer.put("language", request.language());
        answer.put("details", request.details());
        answer.put("externalId", request.externalId());
        ArrayNode identities = answer.putArray("identities");
        for (Identity identity : request.identities()) {
            identities.addObject().put("type", identity.type().code()).put("value", identity.value())
                    .put("format", identity.format());
        }
        ArrayNode taskNodes = answer.putArray("tasks");
        for (TaskRecord task : tasks.forRequest(id)) {
            ObjectNode node = taskNodes.addObject();
            node.put("id", task.id()).put("system", task.systemId()).put("action", task.action())
                    .put("status", task.status().name()).put("attempts", task.attempts())
                    .put("lastError", task.lastError()).put("result", task.result());
            node.put("nextAttemptAt", task.nextAttemptAt() == null ? null : task.nextAttemptAt().toString());
        }
        ArrayNode messages = answer.putArray("messages");
        for (OutboundMessage message : outbox.forRequest(id)) {
            messages.addObject().put("kind", message.kind()).put("to", message.recipient())
                    .put("subject", message.subject()).put("messageId", message.messageId())
                    .put("status", message.status()).put("attempts", message.attempts())
                    .put("sentAt", message.sentAt() == null ? null : message.sentAt().toString());
        }
        ArrayNode received = answer.putArray("inbound");
        for (InboundMessage message : inbound.forRequest(id)) {
            ObjectNode node = received.addObject();
            node.put("messageId", message.messageId()).put("outcome", message.outcome().name())
                    .put("reason", message.reason()).put("matchedBy", message.matchedBy())
                    .put("from", message.sender()).put("subject", message.subject())
                    .put("language", message.language()).put("classification", message.classification())
                    .put("receivedAt", message.receivedAt().toString());
            ArrayNode attachments = node.putArray("attachments");
            for (InboundMessages.StoredAttachment attachment : inbound.attachments(message.id())) {
                attachments.addObject().put("fileName", attachment.fileName())
                        .put("contentType", attachment.contentType()).put("sizeBytes", attachment.sizeBytes())
                        .put("sha256", attachment.sha256()).put("status", attachment.status().name())
                        .put("reason", attachment.reason());
            }
        }
        ArrayNode trail = answer.putArray("audit");
        for (AuditEvent event : audit.of(id)) {
            trail.addObject().put("seq", event.seq()).put("at", event.occurredAt().toString())
                    .put("actor", event.actor()).put("action", event.action()).put("from", event.fromStatus())
                    .put("to", event.toStatus()).put("detail", event.detail()).put("hash", event.hash());
        }
        int broken = audit.firstBrokenLink(id);
        answer.put("auditChainIntact", broken == 0);
        if (broken != 0) {
            answer.put("auditChainBrokenAt", broken);
        }
        HttpAnswers.json(exchange, 200, answer.toString());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static int number(String value, int fallback, int min, int max, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                errors.add(field, "must be between " + min + " and " + max);
                return fallback;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(field, "must be a whole number");
            return fallback;
        }
    }
}
