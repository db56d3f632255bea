package io.dsrhub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.controller.Controller;
import io.dsrhub.deadline.DueDate;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.SubjectRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a requester may see of their request: status, types and dates, never the identities or details. The
 * operator view adds to it.
 */
public final class StatusView {

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public StatusView(Clock clock) {
        this.clock = clock;
    }

    public ObjectNode of(SubjectRequest request, Controller controller, List<DueDate> dates) {
        ObjectNode node = json.createObjectNode();
        node.put("id", request.id());
        node.put("reference", request.reference());
        node.put("controller", request.controllerId());
        node.put("status", request.status().name());
        ArrayNode types = node.putArray("types");
        request.types().stream().map(RequestType::code).forEach(types::add);
        node.put("channel", request.channel().name());
        node.put("receivedAt", request.receivedAt().toString());
        if (request.dueAt() != null) {
            node.put("dueAt", request.dueAt().toString());
            node.put("daysLeft", daysLeft(request.dueAt().atZone(controller.timeZone()).toLocalDate(), controller));
        } else {
            node.putNull("dueAt");
            node.putNull("daysLeft");
        }
        ArrayNode due = node.putArray("dueDates");
        for (DueDate date : dates) {
            due.addObject().put("kind", date.kind().name()).put("dueOn", date.dueOn().toString())
                    .put("dueAt", date.dueAt().toString()).put("rule", date.rule())
                    .put("inForce", date.inForce()).put("daysLeft", daysLeft(date.dueOn(), controller));
        }
        return node;
    }

    /** Whole days from today (in the controller's time zone) to the due day; negative once it has passed. */
    public long daysLeft(LocalDate dueOn, Controller controller) {
        return ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(controller.timeZone())), dueOn);
    }
}
