package io.dsrhub.connector.opendsr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.opendsr.ResponseSigner;
import io.dsrhub.opendsr.SigningKeys;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.MutableClock;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hub as OpenDSR controller: it POSTs /requests with a UUID v4 (HTTP Basic, as mParticle's API takes) and keeps the processor's signed receipt (without
 * encoded_request); callbacks from an unknown domain, with another key's signature or with a body changed after
 * signing are refused with 403 and change nothing; a signed "completed" callback finishes the access task with the
 * results link; the erasure, with no callback, completes through the status poll.
 */
class OpenDsrProcessorConnectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "opendsr.analytics.example";
    private static ResponseSigner processor;
    private static ResponseSigner stranger;
    private static SignedProcessorAnswers answers;
    private static WireMockServer api;
    private static MutableClock clock;
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() throws Exception {
        Path keys = Files.createTempDirectory("opendsr-processor-");
        processor = new ResponseSigner(SigningKeys.selfSigned(keys, DOMAIN));
        stranger = new ResponseSigner(SigningKeys.selfSigned(Files.createTempDirectory("opendsr-stranger-"),
                DOMAIN));
        answers = new SignedProcessorAnswers(processor, DOMAIN);
        api = new WireMockServer(options().dynamicPort().extensions(answers));
        api.start();
        api.stubFor(post(urlPathEqualTo("/v1/requests")).willReturn(aResponse().withStatus(201)
                .withTransformers(SignedProcessorAnswers.NAME)));
        api.stubFor(get(urlPathMatching("/v1/requests/[0-9a-f-]{36}")).willReturn(aResponse().withStatus(200)
                .withTransformers(SignedProcessorAnswers.NAME)));
        clock = new MutableClock(Instant.now());
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          access: {action: export, categories: [user]}
                          erasure: {action: erase, categories: [user]}
                        """)
                .system("ironzon", "analytics", """
                        id: analytics
                        type: opendsr
                        processor: Analytics Inc
                        api-url: "%s/v1"
                        processor-domain: %s
                        certificate: "%s"
                        api-user: hub-controller
                        api-key: "{{dsr.test.analytics-key}}"
                        categories: [user.behavior, user.device]
                        poll-every: PT6H
                        """.formatted(api.baseUrl(), DOMAIN, keys.resolve("opendsr-cert.pem")));
        ledger = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail).bean("clock", clock)
                .property("dsr.test.analytics-key", "analytics-secret")
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.tasks.poll-delay", "100")).start();
        requests = new TestRequests(hub);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        mail.close();
        ledger.close();
        api.stop();
    }

    @Test
    void signedCallbacksAndThePollFinishTheTasksAndForgedCallbacksAreRefused() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["access", "erasure"],
                 "identities": [{"type": "email", "value": "robin@example.com"}]}""");
        Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            TaskRecord task = requests.task(id, "analytics", "export");
            return task.status() == TaskStatus.PENDING && task.result() != null;
        });
        TaskRecord waiting = requests.task(id, "analytics", "export");
        assertThat(waiting.leaseOwner()).isNull();
        JsonNode sent = JSON.readTree(api.findAll(postRequestedFor(urlPathEqualTo("/v1/requests"))).get(0)
                .getBodyAsString());
        String uuid = sent.get("subject_request_id").asText();
        assertThat(UUID.fromString(uuid).version()).isEqualTo(4);
        assertThat(sent.get("subject_request_type").asText()).isEqualTo("access");
        assertThat(sent.at("/subject_identities/0/identity_type").asText()).isEqualTo("email");
        assertThat(sent.at("/subject_identities/0/identity_value").asText()).isEqualTo("robin@example.com");
        String callbackUrl = hub.baseUrl() + "/opendsr/processor-callbacks";
        assertThat(sent.at("/status_callback_urls/0").asText()).isEqualTo(callbackUrl);
        api.verify(postRequestedFor(urlPathEqualTo("/v1/requests"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "hub-controller:analytics-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        JsonNode receipt = JSON.readTree(waiting.result()).at("/processor/receipt");
        assertThat(receipt.get("verified").asBoolean()).isTrue();
        assertThat(receipt.get("domain").asText()).isEqualTo(DOMAIN);
        assertThat(receipt.get("signature").asText()).isNotBlank();
        assertThat(receipt.get("body").asText()).contains(uuid).doesNotContain("encoded_request");
        assertThat(JSON.readTree(waiting.result()).at("/processor/status").asText()).isEqualTo("pending");

        String completed = """
                {"controller_id": "ironzon", "expected_completion_time": "2030-01-15T10:00:00Z",
                 "subject_request_id": "%s", "request_status": "completed",
                 "results_url": "https://files.analytics.example/r/%s.zip", "results_count": 12,
                 "status_callback_url": "%s"}""".formatted(uuid, uuid, callbackUrl);
        assertThat(callback("opendsr.unknown.example", processor.sign(completed), completed).statusCode())
                .isEqualTo(403);
        assertThat(callback(DOMAIN, stranger.sign(completed), completed).statusCode()).isEqualTo(403);
        HttpResponse<String> tampered = callback(DOMAIN, processor.sign(completed),
                completed.replace("\"results_count\": 12", "\"results_count\": 13"));
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).contains("X-OpenDSR-Signature");
        assertThat(requests.task(id, "analytics", "export").status()).isEqualTo(TaskStatus.PENDING);

        assertThat(callback(DOMAIN, processor.sign(completed), completed).statusCode()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> requests.task(id, "analytics", "export").status() == TaskStatus.DONE);
        JsonNode exported = JSON.readTree(requests.task(id, "analytics", "export").result());
        assertThat(exported.at("/export/links/0/url").asText()).isEqualTo("https://files.analytics.example/r/"
                + uuid + ".zip");
        assertThat(exported.at("/processor/records/0/found").asInt()).isEqualTo(12);
        api.verify(0, getRequestedFor(urlPathMatching("/v1/requests/.*")));

        // the erasure gets no callback: the poll after poll-every finds it completed
        Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            TaskRecord task = requests.task(id, "analytics", "erase");
            return task.status() == TaskStatus.PENDING && task.result() != null;
        });
        assertThat(requests.request(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        answers.status.set("completed");
        clock.advance(Duration.ofHours(6));
        requests.awaitStatus(id, RequestStatus.COMPLETED);
        TaskRecord erased = requests.task(id, "analytics", "erase");
        assertThat(erased.status()).isEqualTo(TaskStatus.DONE);
        assertThat(JSON.readTree(erased.result()).at("/processor/status").asText()).isEqualTo("completed");
        api.verify(1, getRequestedFor(urlPathMatching("/v1/requests/.*")));
        assertThat(new LedgerRows(ledger.dataSource()).rows("SELECT action FROM audit_event WHERE request_id = ? "
                + "AND action = 'PROCESSOR_STATUS'", id)).hasSize(1);
    }

    private static HttpResponse<String> callback(String domain, String signature, String body) {
        return hub.http().postJson("/opendsr/processor-callbacks", body, "X-OpenDSR-Processor-Domain", domain,
                "X-OpenDSR-Signature", signature);
    }
}
