package io.dsrhub.verification;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.reply.Templates;
import io.dsrhub.security.StatusTokens;
import io.dsrhub.web.HttpAnswers;
import io.dsrhub.web.HttpProblem;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The requester's side of verification on the web:
 * <ul>
 *   <li>{@code GET /verify/{id}?t=...}: the link of the code mail shows a "Confirm" button (a GET never changes
 *   anything, so that mail scanners that open links do not confirm for the requester);</li>
 *   <li>{@code POST /verify/{id}} with {@code t} (the link's token), or with {@code code} and {@code token} (the
 *   status page's token): confirms; 400 for a wrong code (naming the field and the attempts left), 410 for an
 *   expired code, 423 for a blocked one, 429 when the source address has tried too often;</li>
 *   <li>{@code POST /verify/{id}/new-code} with {@code token}: sends a new code (the old one stops working); 429
 *   when too many codes were asked for the identity.</li>
 * </ul>
 */
public final class VerificationPages {

    private final IdentityVerification verification;
    private final RequestLedger ledger;
    private final ControllerCatalogue controllers;
    private final StatusTokens statusTokens;
    private final ChallengeLedger challenges;
    private final VerificationCodes codes;
    private final RateLimits limits;
    private final Templates templates;

    public VerificationPages(IdentityVerification verification, RequestLedger ledger, ControllerCatalogue controllers,
            StatusTokens statusTokens, ChallengeLedger challenges, VerificationCodes codes, RateLimits limits,
            Templates templates) {
        this.verification = verification;
        this.ledger = ledger;
        this.controllers = controllers;
        this.statusTokens = statusTokens;
        this.challenges = challenges;
        this.codes = codes;
        this.limits = limits;
        this.templates = templates;
    }

    public void link(Exchange exchange) {
        String token = exchange.getIn().getHeader("t", String.class);
        SubjectRequest request = request(exchange);
        boolean valid = request.status() == RequestStatus.AWAITING_VERIFICATION && challenges.latest(request.id())
                .filter(c -> c.state() == Challenge.State.OPEN).map(c -> codes.linkMatches(c.id(), token))
                .orElse(false);
        if (!valid) {
            page(exchange, request, 404, "Nothing to confirm", "This link is not valid (any more). If your request "
                    + "still needs confirming, ask for a new code on its status page.", true, null, false);
            return;
        }
        page(exchange, request, 200, "Confirm your request", "Press Confirm to confirm that you made this request.",
                false, token, false);
    }

    public void submit(Exchange exchange) {
        SubjectRequest request = request(exchange);
        String source = SourceAddress.of(exchange);
        if (!limits.take(RateLimits.Scope.ATTEMPT_PER_SOURCE, source)) {
            tooMany(exchange, request, "Too many confirmation attempts from your network. Please try again later.");
            return;
        }
        String link = exchange.getIn().getHeader("t", String.class);
        String code = exchange.getIn().getHeader("code", String.class);
        String statusToken = exchange.getIn().getHeader("token", String.class);
        CodeResult result;
        if (link != null && !link.isBlank()) {
            result = verification.followLink(request.id(), link.strip(), "link");
        } else if (!statusTokens.matches(request.id(), statusToken)) {
            throw HttpProblem.notFound();
        } else if (code == null || code.isBlank() || code.length() > 20) {
            page(exchange, request, 400, "Confirmation code needed", "code: enter the 8-digit code from our e-mail.",
                    true, null, true);
            return;
        } else {
            result = verification.enterCode(request.id(), code, "status page");
        }
        switch (result.kind()) {
            case ACCEPTED -> page(exchange, request, 200, "Thank you", "Your request is confirmed. "
                    + (result.status() == RequestStatus.VERIFIED ? "We are now working on it."
                    : "A member of our privacy team will check it before we go on."), false, null, false);
            case WRONG -> page(exchange, request, 400, "Wrong code", "code: this is not the code we sent. You have "
                    + result.attemptsLeft() + " more " + (result.attemptsLeft() == 1 ? "try" : "tries") + ".",
                    true, null, true);
            case LOCKED -> page(exchange, request, 423, "Code blocked", "code: too many wrong codes were entered, so "
                    + "this code no longer works. Ask for a new code on the status page.", true, null, true);
            case EXPIRED -> page(exchange, request, 410, "Code expired", "code: this code has expired. Ask for a new "
                    + "code on the status page.", true, null, true);
            case NOT_AWAITING -> page(exchange, request, 409, "Nothing to confirm", "This request is not waiting for a "
                    + "confirmation code.", true, null, false);
        }
    }

    public void newCode(Exchange exchange) {
        SubjectRequest request = request(exchange);
        if (!statusTokens.matches(request.id(), exchange.getIn().getHeader("token", String.class))) {
            throw HttpProblem.notFound();
        }
        if (!limits.take(RateLimits.Scope.ATTEMPT_PER_SOURCE, SourceAddress.of(exchange))
                || !limits.take(RateLimits.Scope.CODE_PER_IDENTITY, IdentityVerification.subjectEmail(request))) {
            tooMany(exchange, request, "Too many codes were asked for. Please try again later.");
            return;
        }
        if (!verification.newCode(request.id())) {
            page(exchange, request, 409, "Nothing to confirm", "This request is not waiting for a confirmation code.",
                    true, null, false);
            return;
        }
        page(exchange, request, 202, "New code sent", "We have sent a new code. The old code no longer works.",
                false, null, true);
    }

    private void tooMany(Exchange exchange, SubjectRequest request, String message) {
        page(exchange, request, 429, "Too many attempts", message, true, null, false);
        exchange.getMessage().setHeader("Retry-After", limits.window().toSeconds());
    }

    private SubjectRequest request(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        if (id == null || id.length() > 36) {
            throw HttpProblem.notFound();
        }
        return ledger.find(id).orElseThrow(HttpProblem::notFound);
    }

    private void page(Exchange exchange, SubjectRequest request, int status, String heading, String message,
            boolean problem, String linkToken, boolean codeForm) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", request.id());
        model.put("heading", heading);
        model.put("message", message);
        model.put("problem", problem);
        model.put("reference", request.reference());
        model.put("linkToken", linkToken == null ? "" : linkToken);
        model.put("codeForm", codeForm && request.status() == RequestStatus.AWAITING_VERIFICATION);
        model.put("statusToken", statusTokens.issue(request.id()));
        String controllerId = controllers.find(request.controllerId()).map(c -> c.id()).orElse(null);
        HttpAnswers.html(exchange, status, templates.render("web/verification.ftlh", controllerId, "en", model));
    }
}
