package io.dsrhub.deadline;

import io.dsrhub.controller.Controller;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.outbox.OutboundMessage;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.reply.Acknowledgements;
import io.dsrhub.reply.RenderedMail;
import io.dsrhub.reply.Templates;
import io.dsrhub.security.StatusTokens;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The notice a data subject gets when the deadline of their request is extended: in their language, from the
 * controller's address, in the thread of the acknowledgement, with the reason, the new date and where they may
 * complain. It goes through the outbox in the transaction of the extension.
 */
public final class ExtensionNotices {

    public static final String KIND = "EXTENSION_NOTICE";
    static final String TEMPLATE = "mail/extension-notice.ftl";

    private final Templates templates;
    private final Outbox outbox;
    private final StatusTokens statusTokens;
    private final String publicBaseUrl;

    public ExtensionNotices(Templates templates, Outbox outbox, StatusTokens statusTokens, String publicBaseUrl) {
        this.templates = templates;
        this.outbox = outbox;
        this.statusTokens = statusTokens;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /**
     * Queues the notice; call inside the extension's transaction.
     *
     * @return false when the request has no address to write to (the notice must then go by post)
     */
    public boolean queue(SubjectRequest request, Controller controller, Regime regime, String reason,
            LocalDate originalDueOn, LocalDate newDueOn) {
        if (request.replyTo() == null) {
            return false;
        }
        String language = controller.speaks(request.language()) ? request.language() : controller.defaultLanguage();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(language));
        Map<String, Object> model = new HashMap<>();
        model.put("controllerName", controller.name());
        model.put("contactEmail", controller.contact().email());
        model.put("reference", request.reference());
        model.put("requesterName", request.requester().name() == null ? "" : request.requester().name());
        model.put("reason", reason);
        model.put("originalDueOn", originalDueOn.format(format));
        model.put("newDueOn", newDueOn.format(format));
        model.put("regimeName", regime == null ? "" : regime.name());
        String authority = regime == null ? null
                : regime.authorityFor(ClockSubject.of(request).jurisdiction());
        model.put("authority", authority == null ? "" : authority);
        model.put("statusUrl", publicBaseUrl + "/status/" + request.id() + "?token=" + statusTokens.issue(request.id()));
        RenderedMail mail = RenderedMail.parse(templates.render(TEMPLATE, controller.id(), language, model), TEMPLATE);
        String thread = outbox.forRequest(request.id()).stream()
                .filter(m -> Acknowledgements.KIND.equals(m.kind())).map(OutboundMessage::messageId)
                .findFirst().orElse(null);
        outbox.enqueue(request.id(), KIND, controller.contact().email(), request.replyTo(), mail.subject(),
                mail.body(), thread);
        return true;
    }
}
