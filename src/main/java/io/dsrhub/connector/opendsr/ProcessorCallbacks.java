package io.dsrhub.connector.opendsr;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsrhub.connector.TaskReport;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.fulfilment.TargetSystem;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.web.FieldError;
import io.dsrhub.web.HttpAnswers;
import io.dsrhub.web.HttpProblem;
import io.dsrhub.web.RequestBodies;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /opendsr/processor-callbacks}: status callbacks from OpenDSR processors the hub sent requests to.
 * The processor domain must be one a configured OpenDSR system names, and the signature must verify over the raw
 * body with that system's certificate, before the JSON is read (403 otherwise, as OpenDSR §8.8 says); the callback
 * must name this endpoint and a request the hub made to that processor. The status is recorded as evidence and the
 * waiting task is woken (202).
 */
public final class ProcessorCallbacks {

    public static final String PATH = "/opendsr/processor-callbacks";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorCallbacks.class);

    private final FulfilmentCatalogue catalogue;
    private final OpenDsrExchanges exchanges;
    private final TaskLedger tasks;
    private final AuditTrail audit;
    private final LedgerTransactions tx;
    private final RequestBodies bodies;
    private final Clock clock;
    private final String callbackUrl;

    public ProcessorCallbacks(FulfilmentCatalogue catalogue, OpenDsrExchanges exchanges, TaskLedger tasks,
            AuditTrail audit, LedgerTransactions tx, RequestBodies bodies, Clock clock, String publicBaseUrl) {
        this.catalogue = catalogue;
        this.exchanges = exchanges;
        this.tasks = tasks;
        this.audit = audit;
        this.tx = tx;
        this.bodies = bodies;
        this.clock = clock;
        this.callbackUrl = (publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl) + PATH;
    }

    /** The URL processors call back, sent in {@code status_callback_urls}. */
    public String callbackUrl() {
        return callbackUrl;
    }

    public void receive(Exchange exchange) throws Exception {
        byte[] raw = bodies.read(exchange).getBytes(StandardCharsets.UTF_8);
        String domain = header(exchange, "X-OpenDSR-Processor-Domain", "X-OpenGDPR-Processor-Domain");
        String signed = header(exchange, "X-OpenDSR-Signature", "X-OpenGDPR-Signature");
        List<TargetSystem> systems = catalogue.all().stream()
                .filter(s -> s.connector() instanceof OpenDsrConnector c && c.domain().equals(domain)).toList();
        if (domain == null || systems.isEmpty()) {
            LOG.warn("OpenDSR callback refused: processor domain not configured");
            throw new HttpProblem(403, "the processor domain is not one this hub sends requests to",
                    List.of(new FieldError("X-OpenDSR-Processor-Domain", "must name a configured OpenDSR processor")));
        }
        boolean verified = systems.stream().anyMatch(s -> ((OpenDsrConnector) s.connector()).signature()
                .verifies(raw, signed, clock.instant()));
        if (!verified) {
            LOG.warn("OpenDSR callback from {} refused: bad signature", domain);
            throw new HttpProblem(403, "the signature does not verify over the body with the processor's certificate",
                    List.of(new FieldError("X-OpenDSR-Signature", "must be the processor's signature of the raw body")));
        }
        JsonNode body;
        try {
            body = OpenDsrConnector.JSON.readTree(raw);
        } catch (java.io.IOException e) {
            throw new HttpProblem(400, "the body is not valid JSON", List.of(new FieldError("body",
                    "must be valid JSON")));
        }
        if (!callbackUrl.equals(body.path("status_callback_url").asText(""))) {
            throw new HttpProblem(400, "the callback names another endpoint", List.of(new FieldError(
                    "status_callback_url", "must be " + callbackUrl)));
        }
        String status;
        try {
            status = OpenDsrConnector.statusOf(body);
        } catch (RuntimeException e) {
            throw new HttpProblem(400, "unknown request status", List.of(new FieldError("request_status",
                    "must be pending, in_progress, completed or cancelled")));
        }
        OpenDsrExchanges.Request request = exchanges.byReference(systems.stream().map(TargetSystem::id).toList(),
                body.path("subject_request_id").asText("")).orElseThrow(() -> new HttpProblem(404,
                        "no request with this subject_request_id was sent to this processor"));
        TaskReport.Receipt evidence = OpenDsrConnector.receipt(raw, domain, signed, clock.instant());
        String json = OpenDsrConnector.JSON.writeValueAsString(evidence);
        tx.run(() -> {
            exchanges.status(request.taskId(), status, json, null);
            tasks.wake(request.taskId(), clock.instant());
            audit.record(request.requestId(), "opendsr-processor", "PROCESSOR_STATUS", "task=" + request.taskId()
                    + " system=" + request.systemId() + " status=" + status);
        });
        HttpAnswers.json(exchange, 202, "{\"accepted\": true}");
    }

    private static String header(Exchange exchange, String name, String old) {
        String value = exchange.getIn().getHeader(name, String.class);
        return value != null ? value : exchange.getIn().getHeader(old, String.class);
    }
}
