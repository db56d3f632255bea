package io.dsrhub.verification;

import io.dsrhub.controller.Controller;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.reply.RenderedMail;
import io.dsrhub.reply.ReplyLanguage;
import io.dsrhub.reply.Templates;
import io.dsrhub.security.StatusTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The mails of verification, put in the outbox in the transaction of the change that causes them: the code (with its
 * link) and the notice that an unverified request has expired. The code mail holds placeholders, not the code
 * ({@link VerificationCodes#reveal}). Nothing in either depends on whether the subject is on file, so a requester
 * cannot tell from them whether an account exists.
 */
public final class VerificationMails {

    public static final String CODE_KIND = "VERIFICATION_CODE";
    public static final String EXPIRED_KIND = "VERIFICATION_EXPIRED";
    static final String CODE_TEMPLATE = "mail/verification-code.ftl";
    static final String EXPIRED_TEMPLATE = "mail/verification-expired.ftl";
    public static final String REJECTED_KIND = "VERIFICATION_REJECTED";
    static final String REJECTED_TEMPLATE = "mail/verification-rejected.ftl";

    private final Templates templates;
    private final Outbox outbox;
    private final StatusTokens statusTokens;
    private final String publicBaseUrl;

    public VerificationMails(Templates templates, Outbox outbox, StatusTokens statusTokens, String publicBaseUrl) {
        this.templates = templates;
        this.outbox = outbox;
        this.statusTokens = statusTokens;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The code mail of a challenge, to the address on file (or, for a subject not on file, the address given). */
    public void queueCode(SubjectRequest request, Controller controller, String challengeId, String recipient,
            Duration validFor, int expireAfterDays) {
        Map<String, Object> model = common(request, controller);
        model.put("code", VerificationCodes.codePlaceholder(challengeId));
        model.put("link", VerificationCodes.linkPlaceholder(challengeId));
        model.put("validHours", validFor.toHours());
        model.put("expireAfterDays", expireAfterDays);
        queue(request, controller, CODE_TEMPLATE, CODE_KIND, recipient, model);
    }

    /** The notice that a request expired because the requester's identity was not verified in time. */
    public void queueExpired(SubjectRequest request, Controller controller, int expireAfterDays) {
        if (request.replyTo() == null) {
            return;
        }
        Map<String, Object> model = common(request, controller);
        model.put("expireAfterDays", expireAfterDays);
        queue(request, controller, EXPIRED_TEMPLATE, EXPIRED_KIND, request.replyTo(), model);
    }

    /** The notice that an operator did not accept the identity or authority, with the operator's reason. */
    public void queueRejected(SubjectRequest request, Controller controller, String reason) {
        if (request.replyTo() == null) {
            return;
        }
        Map<String, Object> model = common(request, controller);
        model.put("reason", reason);
        queue(request, controller, REJECTED_TEMPLATE, REJECTED_KIND, request.replyTo(), model);
    }

    private void queue(SubjectRequest request, Controller controller, String template, String kind, String recipient,
            Map<String, Object> model) {
        String language = ReplyLanguage.choose(controller, request.language(), templates, template);
        RenderedMail mail = RenderedMail.parse(templates.render(template, controller.id(), language, model), template);
        outbox.enqueue(request.id(), kind, controller.contact().email(), recipient, mail.subject(), mail.body(), null);
    }

    private Map<String, Object> common(SubjectRequest request, Controller controller) {
        Map<String, Object> model = new HashMap<>();
        model.put("controllerName", controller.name());
        model.put("contactEmail", controller.contact().email());
        model.put("reference", request.reference());
        model.put("statusUrl", publicBaseUrl + "/status/" + request.id() + "?token=" + statusTokens.issue(request.id()));
        return model;
    }
}
