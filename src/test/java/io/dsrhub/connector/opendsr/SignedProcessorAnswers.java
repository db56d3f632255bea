package io.dsrhub.connector.opendsr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.dsrhub.opendsr.ResponseSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes WireMock answer as an OpenDSR processor does: the 201 receipt of {@code POST /v1/requests} and the status
 * of {@code GET /v1/requests/{id}} carry the subject_request_id the hub chose, and every answer is signed with the
 * processor's key ({@code X-OpenDSR-Signature} over the raw body) under its domain.
 */
final class SignedProcessorAnswers implements ResponseTransformerV2 {

    static final String NAME = "signed-opendsr-answers";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResponseSigner signer;
    private final String domain;
    final AtomicReference<String> status = new AtomicReference<>("pending");

    SignedProcessorAnswers(ResponseSigner signer, String domain) {
        this.signer = signer;
        this.domain = domain;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
        try {
            ObjectNode body = JSON.createObjectNode();
            body.put("controller_id", "ironzon");
            body.put("expected_completion_time", "2030-01-15T10:00:00Z");
            String url = event.getRequest().getUrl();
            if ("POST".equals(event.getRequest().getMethod().getName())) {
                JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
                body.put("received_time", "2030-01-01T10:00:00Z");
                body.put("encoded_request", Base64.getEncoder().encodeToString(event.getRequest().getBody()));
                body.put("subject_request_id", request.path("subject_request_id").asText());
            } else {
                body.put("subject_request_id", url.substring(url.lastIndexOf('/') + 1));
                body.put("request_status", status.get());
                body.put("api_version", "2.0");
            }
            String text = JSON.writeValueAsString(body);
            return Response.Builder.like(response).but().body(text.getBytes(StandardCharsets.UTF_8))
                    .headers(new HttpHeaders(new HttpHeader("Content-Type", "application/json"),
                            new HttpHeader("X-OpenDSR-Processor-Domain", domain),
                            new HttpHeader("X-OpenDSR-Signature", signer.sign(text))))
                    .build();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
