package io.dsrhub.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.ledger.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator's view of a request's clock: the regime and calendar it is counted under, the verification, the
 * pauses, the extension, and the deadline notices sent (reminders, escalations, breach records).
 */
public final class ClockView {

    private final ObjectMapper json = new ObjectMapper();
    private final DeadlineEngine engine;
    private final JdbcClient jdbc;

    public ClockView(DeadlineEngine engine, JdbcClient jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    public ObjectNode of(String requestId) {
        ObjectNode node = json.createObjectNode();
        ClockFacts facts = engine.facts(requestId).orElse(null);
        if (facts == null) {
            node.putNull("regime");
            return node;
        }
        engine.regime(facts.regimeId()).ifPresentOrElse(
                r -> node.putObject("regime").put("id", r.id()).put("name", r.name())
                        .put("pauseOnClarification", r.pauseOnClarification()).put("allowsExtension", r.allowsExtension()),
                () -> node.putNull("regime"));
        String calendar = engine.calendarCode(requestId);
        node.put("calendar", calendar.isEmpty() ? "Monday to Friday" : calendar);
        node.put("verifiedAt", facts.verifiedAt() == null ? null : facts.verifiedAt().toString());
        node.put("paused", facts.hasOpenPause());
        ArrayNode pauses = node.putArray("pauses");
        for (ClockPause pause : facts.pauses()) {
            pauses.addObject().put("pausedAt", pause.pausedAt().toString())
                    .put("resumedAt", pause.resumedAt() == null ? null : pause.resumedAt().toString())
                    .put("reason", pause.reason()).put("by", pause.actor());
        }
        if (facts.extension() == null) {
            node.putNull("extension");
        } else {
            ClockExtension e = facts.extension();
            node.putObject("extension").put("grantedAt", e.grantedAt().toString()).put("by", e.actor())
                    .put("reason", e.reason()).put("until", e.until() == null ? null : e.until().toString());
        }
        ArrayNode notices = node.putArray("notices");
        jdbc.sql("SELECT track, stage, due_at, noticed_at, dispatch_id FROM deadline_notice WHERE request_id = :id "
                        + "ORDER BY noticed_at, track, stage")
                .param("id", requestId)
                .query((rs, n) -> notices.addObject().put("track", rs.getString(1)).put("stage", rs.getString(2))
                        .put("dueAt", Timestamps.fromDb(rs.getObject(3, OffsetDateTime.class)).toString())
                        .put("noticedAt", Timestamps.fromDb(rs.getObject(4, OffsetDateTime.class)).toString())
                        .put("dispatchId", rs.getLong(5)))
                .list();
        return node;
    }

    /**
     * Adds {@code clock} to the operator's request detail the {@code admin-request} route has answered with (a
     * JSON object carrying the request's {@code id}); other answers (401, 404) pass unchanged.
     */
    public void addTo(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null || status != 200) {
            return;
        }
        try {
            JsonNode body = json.readTree(exchange.getMessage().getBody(String.class));
            if (body instanceof ObjectNode detail && detail.hasNonNull("id")) {
                detail.set("clock", of(detail.get("id").asText()));
                exchange.getMessage().setBody(detail.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
