package io.dsrhub.reply;

import io.dsrhub.controller.ClockStart;
import io.dsrhub.controller.Controller;
import io.dsrhub.deadline.DueDate;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.security.StatusTokens;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The acknowledgement every new request gets: from the controller's address, in the subject's language, with the
 * reference, what happens next, the date by which it will be answered and a link to the status page.
 */
public final class Acknowledgements {

    public static final String KIND = "ACKNOWLEDGEMENT";
    static final String TEMPLATE = "mail/acknowledgement.ftl";

    private final Templates templates;
    private final Outbox outbox;
    private final StatusTokens statusTokens;
    private final String publicBaseUrl;

    public Acknowledgements(Templates templates, Outbox outbox, StatusTokens statusTokens, String publicBaseUrl) {
        this.templates = templates;
        this.outbox = outbox;
        this.statusTokens = statusTokens;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** Renders the acknowledgement and puts it in the outbox; call inside the registration's transaction. */
    public void queue(SubjectRequest request, Controller controller, List<DueDate> dates, String inReplyTo) {
        if (request.replyTo() == null || request.types().isEmpty()) {
            // no type yet: there is nothing to acknowledge; the channel asks what the subject wants (Clarifications)
            return;
        }
        String language = ReplyLanguage.choose(controller, request.language(), templates, TEMPLATE);
        RenderedMail mail = RenderedMail.parse(
                templates.render(TEMPLATE, controller.id(), language, model(request, controller, dates, language)),
                TEMPLATE);
        outbox.enqueue(request.id(), KIND, controller.contact().email(), request.replyTo(), mail.subject(),
                mail.body(), inReplyTo);
    }

    private Map<String, Object> model(SubjectRequest request, Controller controller, List<DueDate> dates,
            String language) {
        Locale locale = Locale.forLanguageTag(language);
        DateTimeFormatter dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        ResourceBundle messages = Templates.Messages.bundle(language);
        Map<String, Object> model = new HashMap<>();
        model.put("controllerName", controller.name());
        model.put("contactEmail", controller.contact().email());
        model.put("reference", request.reference());
        model.put("requesterName", request.requester().name() == null ? "" : request.requester().name());
        model.put("types", request.types().stream().map(t -> messages.getString("type." + t.code())).toList());
        model.put("receivedOn", request.receivedAt().atZone(controller.timeZone()).toLocalDate().format(dateFormat));
        DueDate earliest = dates.stream().filter(d -> d.isAnswerDeadline() && d.inForce())
                .min(Comparator.comparing(DueDate::dueAt)).orElse(null);
        model.put("dueOn", earliest == null ? "" : earliest.dueOn().format(dateFormat));
        model.put("clockStartsAtVerification", controller.promise().clockStarts() == ClockStart.VERIFICATION);
        model.put("promiseWording", controller.promise().wording() == null ? "" : controller.promise().wording());
        model.put("statusUrl", publicBaseUrl + "/status/" + request.id() + "?token=" + statusTokens.issue(request.id()));
        model.put("actingForSomeoneElse", !request.requester().isSubject());
        model.put("erasure", request.types().contains(RequestType.ERASURE));
        return model;
    }
}
