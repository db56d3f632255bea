package io.dsrhub.deadline.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.controller.Controller;
import io.dsrhub.reply.RenderedMail;
import io.dsrhub.reply.Templates;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a deadline notice says: one mail per controller, track and stage of a pass, listing every request it is
 * about (a backlog makes one mail, not thousands), and the same as JSON for the webhook. Only ids, references,
 * statuses, types and dates: no names, addresses or other personal data.
 */
public final class DeadlineDigests {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineDigests.class);

    static final String TEMPLATE = "mail/deadline-notice.ftl";

    private final Templates templates;
    private final String publicBaseUrl;
    private final ObjectMapper json = new ObjectMapper();

    public DeadlineDigests(Templates templates, String publicBaseUrl) {
        this.templates = templates;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    public RenderedMail mail(Controller controller, DeadlineTrack track, EscalationStage stage,
            List<NoticeEntry> entries, Duration lead) {
        Map<String, Object> model = new HashMap<>();
        model.put("controllerName", controller.name());
        model.put("track", track.name());
        model.put("stage", stage.name());
        model.put("leadDays", lead.toDays());
        model.put("count", entries.size());
        model.put("adminBaseUrl", publicBaseUrl + "/api/v1/admin/requests/");
        model.put("entries", entries.stream().map(e -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", e.requestId());
            row.put("reference", e.reference());
            row.put("status", e.status());
            row.put("dueOn", e.dueOn().toString());
            row.put("daysLeft", e.daysLeft());
            row.put("kind", e.kind());
            row.put("rule", e.rule());
            row.put("types", String.join(", ", e.types()));
            return row;
        }).toList());
        String text;
        try {
            text = templates.render(TEMPLATE, controller.id(), "en", model);
        } catch (RuntimeException broken) {
            // a controller's own template that fails must not hold back the notices of every request: the
            // hub's template still says what is due
            LOG.error("the deadline notice template of {} failed; using the hub's own: {}", controller.id(),
                    broken.getMessage());
            text = templates.render(TEMPLATE, null, "en", model);
        }
        return RenderedMail.parse(text, TEMPLATE);
    }

    public String payload(long dispatchId, Controller controller, DeadlineTrack track, EscalationStage stage,
            List<NoticeEntry> entries, Instant createdAt) {
        ObjectNode root = json.createObjectNode();
        root.put("event", event(track, stage));
        root.put("dispatchId", dispatchId);
        root.put("controller", controller.id());
        root.put("track", track.name());
        root.put("stage", stage.name());
        root.put("createdAt", createdAt.toString());
        ArrayNode requests = root.putArray("requests");
        for (NoticeEntry e : entries) {
            ObjectNode node = requests.addObject();
            node.put("id", e.requestId()).put("reference", e.reference()).put("status", e.status())
                    .put("dueAt", e.dueAt().toString()).put("dueOn", e.dueOn().toString())
                    .put("daysLeft", e.daysLeft()).put("kind", e.kind()).put("rule", e.rule());
            ArrayNode types = node.putArray("types");
            e.types().forEach(types::add);
        }
        return root.toString();
    }

    /** {@code deadline.reminder}, {@code acknowledgement.breach}, ... */
    public static String event(DeadlineTrack track, EscalationStage stage) {
        return (track == DeadlineTrack.RESPONSE ? "deadline." : "acknowledgement.")
                + stage.name().toLowerCase(Locale.ROOT);
    }
}
