package io.dsrhub.reply;

import io.dsrhub.controller.Controller;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.outbox.Outbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The question the hub asks when it cannot tell what a request wants: in the subject's language, quoting the
 * reference, listing the rights the controller honours, with a link to the controller's web form. A reply to it
 * continues the same request.
 */
public final class Clarifications {

    public static final String KIND = "CLARIFICATION";
    static final String TEMPLATE = "mail/clarification.ftl";

    private final Templates templates;
    private final Outbox outbox;
    private final String publicBaseUrl;

    public Clarifications(Templates templates, Outbox outbox, String publicBaseUrl) {
        this.templates = templates;
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** Renders the question and puts it in the outbox; call inside the transaction of the change that causes it. */
    public void queue(SubjectRequest request, Controller controller, String inReplyTo) {
        if (request.replyTo() == null) {
            return;
        }
        String language = ReplyLanguage.choose(controller, request.language(), templates, TEMPLATE);
        ResourceBundle messages = Templates.Messages.bundle(language);
        Map<String, Object> model = new HashMap<>();
        model.put("controllerName", controller.name());
        model.put("contactEmail", controller.contact().email());
        model.put("reference", request.reference());
        model.put("requesterName", request.requester().name() == null ? "" : request.requester().name());
        List<String> rights = controller.requestTypes().stream().sorted()
                .map(t -> messages.getString("type." + t.code())).toList();
        model.put("rights", rights);
        model.put("formUrl", publicBaseUrl + "/forms/" + controller.id());
        RenderedMail mail = RenderedMail.parse(templates.render(TEMPLATE, controller.id(), language, model), TEMPLATE);
        outbox.enqueue(request.id(), KIND, controller.contact().email(), request.replyTo(), mail.subject(),
                mail.body(), inReplyTo);
    }

    /** How many clarification questions a request has had. */
    public long askedFor(String requestId) {
        return outbox.forRequest(requestId).stream().filter(m -> KIND.equals(m.kind())).count();
    }
}
