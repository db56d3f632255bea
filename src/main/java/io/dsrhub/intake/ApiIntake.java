package io.dsrhub.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.NewRequest;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.security.GeneratedSecrets;
import io.dsrhub.security.StatusTokens;
import io.dsrhub.web.FieldError;
import io.dsrhub.web.HttpAnswers;
import io.dsrhub.web.HttpProblem;
import io.dsrhub.web.RequestBodies;
import io.dsrhub.web.StatusView;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The JSON API for requesters and their tools: {@code POST /api/v1/requests} and
 * {@code GET /api/v1/requests/{id}}. The status is shown only with the request's status token (header
 * {@code X-Status-Token} or query {@code token}); a wrong token and an unknown id get the same 404.
 */
public final class ApiIntake {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{8,128}$");

    private final RequestBodies bodies;
    private final ApiSubmissionReader reader;
    private final RequestRegistrar registrar;
    private final RequestLedger ledger;
    private final ControllerCatalogue controllers;
    private final StatusTokens tokens;
    private final StatusView view;
    private final Clock clock;
    private final String publicBaseUrl;

    public ApiIntake(RequestBodies bodies, ApiSubmissionReader reader, RequestRegistrar registrar,
            RequestLedger ledger, ControllerCatalogue controllers, StatusTokens tokens, StatusView view, Clock clock,
            String publicBaseUrl) {
        this.bodies = bodies;
        this.reader = reader;
        this.registrar = registrar;
        this.ledger = ledger;
        this.controllers = controllers;
        this.tokens = tokens;
        this.view = view;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    public void submit(Exchange exchange) {
        String body = bodies.read(exchange);
        String key = exchange.getIn().getHeader("Idempotency-Key", String.class);
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new HttpProblem(400, "the Idempotency-Key header is malformed", List.of(new FieldError(
                    "Idempotency-Key", "must be 8 to 128 printable ASCII characters without spaces")));
        }
        NewRequest parsed = reader.read(body, null, clock.instant());
        String scopedKey = "api:" + parsed.controllerId() + ":" + (key == null ? GeneratedSecrets.random() : key);
        NewRequest request = new NewRequest(parsed.controllerId(), parsed.types(), parsed.identities(),
                parsed.requester(), parsed.country(), parsed.jurisdiction(), parsed.language(), parsed.details(),
                parsed.channel(), scopedKey, null, parsed.receivedAt());
        Registration registration = registrar.register(request);
        SubjectRequest saved = registration.request();
        ObjectNode answer = view.of(saved, controllers.require(saved.controllerId()), ledger.dueDates(saved.id()));
        answer.put("statusToken", registration.statusToken());
        answer.put("statusUrl", publicBaseUrl + "/api/v1/requests/" + saved.id());
        answer.put("statusPage", publicBaseUrl + "/status/" + saved.id() + "?token=" + registration.statusToken());
        Message reply = HttpAnswers.json(exchange, registration.created() ? 201 : 200, answer.toString());
        reply.setHeader("Location", "/api/v1/requests/" + saved.id());
        if (!registration.created()) {
            reply.setHeader("Idempotent-Replayed", "true");
        }
    }

    public void status(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        String token = exchange.getIn().getHeader("X-Status-Token", String.class);
        if (token == null) {
            token = exchange.getIn().getHeader("token", String.class);
        }
        boolean authorised = tokens.matches(id, token);
        SubjectRequest request = authorised ? ledger.find(id).orElse(null) : null;
        if (request == null) {
            throw HttpProblem.notFound();
        }
        ObjectNode answer = view.of(request, controllers.require(request.controllerId()), ledger.dueDates(id));
        HttpAnswers.json(exchange, 200, answer.toString());
    }
}
