package io.dsrhub.connector.opendsr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dsrhub.connector.Connector;
import io.dsrhub.connector.ConnectorRejection;
import io.dsrhub.connector.RetryAfter;
import io.dsrhub.connector.TaskOutcome;
import io.dsrhub.connector.TaskReport;
import io.dsrhub.connector.TaskWaiting;
import io.dsrhub.connector.TaskWork;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.fulfilment.SystemContext;
import io.dsrhub.ledger.RequestLedger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A processor that speaks OpenDSR. The first run chooses the subject_request_id (a UUID v4, kept in the ledger
 * before the POST so a retry sends the same one), POSTs {@code /requests}, verifies the signed receipt and keeps it
 * as evidence (without {@code encoded_request}, which a controller must not store); then the task waits in the
 * ledger. A verified status callback or the poll ({@code GET /requests/{id}}, every {@code poll-every}) wakes it:
 * {@code completed} finishes it (with the results link of an access request), {@code cancelled} stops it for the
 * operator, {@code pending} and {@code in_progress} wait again.
 */
public final class OpenDsrConnector implements Connector {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final String systemId;
    private final String processor;
    private final String apiUrl;
    private final String domain;
    private final ProcessorSignature signature;
    private final io.dsrhub.connector.ApiCredentials credentials;
    private final String regulation;
    private final Map<String, String> identityTypes;
    private final DataCategories categories;
    private final Duration pollEvery;
    private final Duration timeout;
    private final HttpClient client;
    private final SystemContext context;

    OpenDsrConnector(String systemId, String processor, String apiUrl, String domain, ProcessorSignature signature,
            io.dsrhub.connector.ApiCredentials credentials, String regulation, Map<String, String> identityTypes, DataCategories categories,
            Duration pollEvery, Duration timeout, SystemContext context) {
        this.systemId = systemId;
        this.processor = processor;
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.domain = domain;
        this.signature = signature;
        this.credentials = credentials;
        this.regulation = regulation;
        this.identityTypes = identityTypes;
        this.categories = categories;
        this.pollEvery = pollEvery;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.context = context;
    }

    @Override
    public String kind() {
        return "opendsr";
    }

    String domain() {
        return domain;
    }

    ProcessorSignature signature() {
        return signature;
    }

    @Override
    public void verify() {
        // the processor is reached by the first task; start-up does not call it
    }

    @Override
    public boolean holds(DataCategories requested) {
        return requested.overlaps(categories);
    }

    @Override
    public boolean automates(TaskAction action) {
        return action == TaskAction.EXPORT || action == TaskAction.ERASE;
    }

    @Override
    public TaskOutcome run(TaskWork work) throws Exception {
        OpenDsrExchanges exchanges = context.bean(OpenDsrExchanges.class);
        Optional<OpenDsrExchanges.Request> known = exchanges.find(work.taskId());
        if (known.isEmpty()) {
            exchanges.create(work.taskId(), work.requestId(), systemId, UUID.randomUUID().toString());
            known = exchanges.find(work.taskId());
        }
        OpenDsrExchanges.Request request = known.orElseThrow();
        if (OpenDsrExchanges.SUBMITTING.equals(request.status())) {
            submit(work, request, exchanges);
            request = exchanges.find(work.taskId()).orElseThrow();
        } else if (!isFinal(request.status())) {
            poll(request, exchanges);
            request = exchanges.find(work.taskId()).orElseThrow();
        }
        return switch (request.status()) {
            case "completed" -> new TaskOutcome(TaskStatus.DONE, report(work, request, null), List.of());
            case "cancelled" -> throw new ConnectorRejection(processor + " cancelled OpenDSR request "
                    + request.reference());
            default -> throw new TaskWaiting("the processor reports " + request.status(),
                    context.clock().instant().plus(pollEvery), report(work, request, null));
        };
    }

    private static boolean isFinal(String status) {
        return "completed".equals(status) || "cancelled".equals(status);
    }

    private void submit(TaskWork work, OpenDsrExchanges.Request request, OpenDsrExchanges exchanges)
            throws Exception {
        SubjectRequest subject = context.bean(RequestLedger.class).find(work.requestId()).orElseThrow();
        ObjectNode body = JSON.createObjectNode();
        body.put("api_version", "2.0").put("regulation", regulation)
                .put("subject_request_id", request.reference())
                .put("subject_request_type", work.action() == TaskAction.ERASE ? "erasure" : "access")
                .put("submitted_time", subject.receivedAt().toString());
        var identities = body.putArray("subject_identities");
        for (Identity identity : work.identities()) {
            String type = identityTypes.get(identity.type().code());
            if (type != null && identity.isRaw()) {
                identities.addObject().put("identity_type", type).put("identity_value", identity.value())
                        .put("identity_format", "raw");
            }
        }
        if (identities.isEmpty()) {
            throw new ConnectorRejection("the request carries none of the identities " + processor + " takes "
                    + identityTypes.keySet());
        }
        body.putArray("status_callback_urls").add(context.bean(ProcessorCallbacks.class).callbackUrl());
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(apiUrl + "/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (response.statusCode() == 409) {
            exchanges.submitted(work.taskId(), "pending", null, null);
            return;
        }
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            fail(response, "POST /requests");
        }
        TaskReport.Receipt receipt = verified(response);
        JsonNode answer = JSON.readTree(response.body());
        exchanges.submitted(work.taskId(), "pending", JSON.writeValueAsString(receipt),
                time(answer.path("expected_completion_time").asText(null)));
    }

    private void poll(OpenDsrExchanges.Request request, OpenDsrExchanges exchanges) throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(apiUrl + "/requests/"
                + request.reference())).GET());
        if (response.statusCode() != 200) {
            fail(response, "GET /requests/{id}");
        }
        TaskReport.Receipt evidence = verified(response);
        JsonNode status = JSON.readTree(response.body());
        exchanges.status(request.taskId(), statusOf(status), JSON.writeValueAsString(evidence),
                time(status.path("expected_completion_time").asText(null)));
    }

    static String statusOf(JsonNode body) {
        String status = body.path("request_status").asText("");
        return switch (status) {
            case "pending", "in_progress", "completed", "cancelled" -> status;
            default -> throw new ConnectorRejection("the processor answered an unknown OpenDSR status");
        };
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        request.timeout(timeout).header("Accept", "application/json");
        if (credentials.authorization() != null) {
            request.header("Authorization", credentials.authorization());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void fail(HttpResponse<byte[]> response, String what) throws IOException {
        int status = response.statusCode();
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if ((status == 429 || status == 503) && retryAfter.isPresent() && retryAfter.get().matches("^[0-9]{1,9}$")) {
            throw new RetryAfter("the processor answered " + status + " to " + what,
                    Duration.ofSeconds(Long.parseLong(retryAfter.get())));
        }
        if (status == 400 || status == 401 || status == 403) {
            throw new ConnectorRejection("the processor refused " + what + " with " + status);
        }
        throw new IOException("the processor answered " + status + " to " + what);
    }

    /** The answer's signature checked against the processor's certificate; the receipt kept as evidence. */
    private TaskReport.Receipt verified(HttpResponse<byte[]> response) throws IOException {
        String signed = response.headers().firstValue("X-OpenDSR-Signature")
                .or(() -> response.headers().firstValue("X-OpenGDPR-Signature")).orElse(null);
        String from = response.headers().firstValue("X-OpenDSR-Processor-Domain")
                .or(() -> response.headers().firstValue("X-OpenGDPR-Processor-Domain")).orElse(null);
        if (!domain.equals(from) || !signature.verifies(response.body(), signed, context.clock().instant())) {
            throw new ConnectorRejection("the processor's answer is not signed by " + domain
                    + " (X-OpenDSR-Processor-Domain / X-OpenDSR-Signature)");
        }
        return receipt(response.body(), from, signed, context.clock().instant());
    }

    /** Evidence of a signed body: the body without encoded_request (a controller must not store it). */
    static TaskReport.Receipt receipt(byte[] raw, String domain, String signature, Instant at) throws IOException {
        JsonNode body = JSON.readTree(raw);
        if (body instanceof ObjectNode object) {
            object.remove("encoded_request");
        }
        return new TaskReport.Receipt(domain, signature, true, JSON.writeValueAsString(body), at);
    }

    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private TaskReport report(TaskWork work, OpenDsrExchanges.Request request, String note) throws IOException {
        TaskReport.Receipt receipt = request.receipt() == null ? null
                : JSON.readValue(request.receipt(), TaskReport.Receipt.class);
        TaskReport.ExportReport export = null;
        List<TaskReport.ProcessorRecords> records = null;
        if (request.statusEvidence() != null && "completed".equals(request.status())) {
            TaskReport.Receipt last = JSON.readValue(request.statusEvidence(), TaskReport.Receipt.class);
            JsonNode status = JSON.readTree(last.body());
            String results = status.path("results_url").asText("");
            if (!results.isBlank()) {
                export = new TaskReport.ExportReport(null, null, 0, List.of(new TaskReport.ExportLink(results,
                        systemId, 0, null)));
            }
            if (status.has("results_count")) {
                int count = status.path("results_count").asInt();
                records = List.of(new TaskReport.ProcessorRecords("results", count,
                        work.action() == TaskAction.EXPORT ? count : 0, 0, null));
            }
        }
        TaskReport.ProcessorReport processorReport = new TaskReport.ProcessorReport(processor, "opendsr", records,
                request.reference(), request.status(), request.expectedAt(), receipt, null);
        return new TaskReport(systemId, kind(), work.action().code(), work.categories().targets(), null, null,
                export, null, note, context.clock().instant(), processorReport, null);
    }

    @Override
    public void close() {
        // the JDK client needs no closing on Java 17
    }
}
