package io.dsrhub.opendsr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.intake.FieldErrors;
import io.dsrhub.intake.Registration;
import io.dsrhub.intake.RequestRegistrar;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.web.FieldError;
import io.dsrhub.web.HttpAnswers;
import io.dsrhub.web.HttpProblem;
import io.dsrhub.web.ProblemResponses;
import io.dsrhub.web.RequestBodies;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The hub as an OpenDSR processor (spec v2.0, summarised in shared/reference/opendsr.md): discovery, create,
 * status and cancel, under {@code /v1/} and the OpenGDPR v1 route {@code /opengdpr_requests}. Callers authenticate
 * with their controller's bearer token. Every response is signed (RSA-SHA256 over the raw body, header
 * {@code X-OpenDSR-Signature}, or {@code X-OpenGDPR-Signature} on the old route); {@code processor_signature} in
 * create and cancel bodies signs the same body without that field.
 */
public final class OpenDsrApi {

    /** Exchange property set by the legacy routes so that answers use the OpenGDPR header names. */
    public static final String LEGACY = "dsrOpenGdpr";
    static final String API_VERSION = "2.0";

    private final ObjectMapper json = new ObjectMapper();
    private final RequestBodies bodies;
    private final OpenDsrSubmissionReader reader;
    private final RequestRegistrar registrar;
    private final RequestLedger ledger;
    private final LedgerTransactions tx;
    private final OpenDsrCallbacks callbacks;
    private final OpenDsrClients clients;
    private final ResponseSigner signer;
    private final ControllerCatalogue controllers;
    private final Clock clock;
    private final String processorDomain;
    private final String publicBaseUrl;

    public OpenDsrApi(RequestBodies bodies, OpenDsrSubmissionReader reader, RequestRegistrar registrar,
            RequestLedger ledger, LedgerTransactions tx, OpenDsrCallbacks callbacks, OpenDsrClients clients,
            ResponseSigner signer, ControllerCatalogue controllers, Clock clock, String processorDomain,
            String publicBaseUrl) {
        this.bodies = bodies;
        this.reader = reader;
        this.registrar = registrar;
        this.ledger = ledger;
        this.tx = tx;
        this.callbacks = callbacks;
        this.clients = clients;
        this.signer = signer;
        this.controllers = controllers;
        this.clock = clock;
        this.processorDomain = processorDomain;
        this.publicBaseUrl = publicBaseUrl;
    }

    public void discovery(Exchange exchange) {
        ObjectNode body = json.createObjectNode();
        body.put("api_version", API_VERSION);
        ArrayNode identities = body.putArray("supported_identities");
        for (String type : OpenDsrSubmissionReader.supportedIdentityTypes().stream().sorted().toList()) {
            for (String format : List.of("raw", "sha256")) {
                identities.addObject().put("identity_type", type).put("identity_format", format);
            }
        }
        ArrayNode types = body.putArray("supported_subject_request_types");
        types.add("access").add("portability").add("erasure");
        body.put("processor_certificate", publicBaseUrl + "/v1/certificate");
        signed(exchange, 200, body);
    }

    public void certificate(Exchange exchange) {
        Message message = HttpAnswers.json(exchange, 200, signer.certificatePem());
        message.setHeader(Exchange.CONTENT_TYPE, "application/x-pem-file");
        message.setHeader("Cache-Control", "public, max-age=3600");
    }

    public void submit(Exchange exchange) {
        Controller controller = caller(exchange);
        String raw = bodies.read(exchange);
        FieldErrors errors = new FieldErrors();
        Instant now = clock.instant();
        OpenDsrSubmissionReader.Submission submission = reader.read(controller, raw, now, errors);
        errors.throwIfAny();
        Registration registration = registrar.register(submission.request());
        SubjectRequest saved = registration.request();
        if (registration.created() && !submission.callbackUrls().isEmpty()) {
            tx.run(() -> callbacks.save(saved.id(), submission.callbackUrls()));
        }
        ObjectNode body = json.createObjectNode();
        body.put("controller_id", controller.id());
        body.put("expected_completion_time", expectedCompletion(saved).toString());
        body.put("received_time", saved.receivedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("encoded_request", Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        body.put("subject_request_id", saved.externalId());
        body.put("api_version", API_VERSION);
        body.put("processor_signature", signer.sign(body.toString()));
        signed(exchange, 201, body);
    }

    public void status(Exchange exchange) {
        Controller controller = caller(exchange);
        SubjectRequest request = requestOf(exchange, controller);
        ObjectNode body = json.createObjectNode();
        body.put("controller_id", controller.id());
        body.put("expected_completion_time", expectedCompletion(request).toString());
        body.put("subject_request_id", request.externalId());
        body.put("request_status", OpenDsrStatus.of(request.status()));
        body.put("api_version", API_VERSION);
        signed(exchange, 200, body);
    }

    public void cancel(Exchange exchange) {
        Controller controller = caller(exchange);
        SubjectRequest request = requestOf(exchange, controller);
        if (!"pending".equals(OpenDsrStatus.of(request.status()))) {
            throw new HttpProblem(400, "only a pending request can be cancelled", List.of(new FieldError(
                    "subject_request_id", "the request is " + OpenDsrStatus.of(request.status()))));
        }
        ledger.transition(request.id(), RequestStatus.CANCELLED, "opendsr:" + controller.id(),
                "cancelled by the OpenDSR caller");
        ObjectNode body = json.createObjectNode();
        body.put("controller_id", controller.id());
        body.put("subject_request_id", request.externalId());
        body.put("received_time", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("api_version", API_VERSION);
        body.put("processor_signature", signer.sign(body.toString()));
        signed(exchange, 202, body);
    }

    /** The OpenDSR error answer (spec §7.3): no identities, no stack traces. */
    public void error(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int status;
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        ArrayNode errors = json.createArrayNode();
        if (cause instanceof HttpProblem problem) {
            status = problem.status();
            error.put("message", problem.getMessage());
            for (FieldError e : problem.errors()) {
                errors.addObject().put("domain", "OpenDSR").put("reason", "invalid_field")
                        .put("message", e.field() + ": " + e.message());
            }
        } else {
            status = 500;
            error.put("message", "internal error, incident " + ProblemResponses.logIncident(exchange, cause));
        }
        error.put("code", status);
        error.set("errors", errors);
        signed(exchange, status, body);
        if (status == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer");
        }
    }

    private Controller caller(Exchange exchange) {
        String controllerId = clients.controllerFor(exchange.getIn().getHeader("Authorization", String.class))
                .orElseThrow(HttpProblem::unauthorized);
        return controllers.require(controllerId);
    }

    private SubjectRequest requestOf(Exchange exchange, Controller controller) {
        String id = exchange.getIn().getHeader("id", String.class);
        if (id == null || !OpenDsrSubmissionReader.UUID_V4.matcher(id).matches()) {
            throw HttpProblem.notFound();
        }
        return ledger.findByExternalId(controller.id(), id).orElseThrow(HttpProblem::notFound);
    }

    private static Instant expectedCompletion(SubjectRequest request) {
        Instant due = request.dueAt() != null ? request.dueAt() : request.receivedAt().plus(Duration.ofDays(30));
        return due.truncatedTo(ChronoUnit.SECONDS);
    }

    private void signed(Exchange exchange, int status, ObjectNode body) {
        boolean legacy = exchange.getProperty(LEGACY, false, Boolean.class);
        String prefix = legacy ? "X-OpenGDPR-" : "X-OpenDSR-";
        String text = body.toString();
        Message message = HttpAnswers.json(exchange, status, text);
        message.setHeader(prefix + "Processor-Domain", processorDomain);
        message.setHeader(prefix + "Signature", signer.sign(text));
    }
}
