package io.dsrhub.deadline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dsrhub.deadline.escalation.EscalationPass;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.builder.NotifyBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The optional webhook of deadline notices against a real HTTP server (WireMock): each dispatch is POSTed once it
 * succeeds, signed and with a stable idempotency key, retried with back-off after a failure, and given up after
 * the last attempt instead of being retried for ever.
 */
class DeadlineWebhookTest {

    private static final String SECRET = "test-webhook-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2025-06-02T09:00:00Z"));
    private static WireMockServer receiver;
    private static TestDatabase database;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static LedgerRows rows;

    @BeforeAll
    static void start() {
        receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        database = TestDatabase.h2();
        mail = new TestMailServer();
        hub = HubInstance.builder().database(database).mail(mail).bean("clock", CLOCK)
                .property("dsr.deadline.schedule", "0 0 0 1 1 ? 2099")
                .property("dsr.deadline.webhook-url", "http://127.0.0.1:" + receiver.port() + "/hooks/dsr")
                .property("dsr.deadline.webhook-secret", SECRET)
                .property("dsr.deadline.webhook-max-attempts", "3")
                .property("dsr.deadline.webhook-first-retry", "PT1M")
                .property("dsr.deadline.webhook-poll-delay", "100")
                .start();
        rows = new LedgerRows(database.dataSource());
    }

    @AfterAll
    static void stop() {
        hub.close();
        mail.close();
        database.close();
        receiver.stop();
    }

    private static String submit() throws Exception {
        var response = hub.http().postJson("/api/v1/requests", """
                {"controller": "isocket", "types": ["access"], "country": "FI",
                 "identities": [{"type": "email", "value": "webhook@example.fi"}]}""");
        return JSON.readTree(response.body()).get("id").asText();
    }

    private static Instant dueAt(String id) {
        return hub.bean(RequestLedger.class).find(id).orElseThrow().dueAt();
    }

    private static List<LoggedRequest> callsFor(long dispatchId) {
        return receiver.findAll(postRequestedFor(urlEqualTo("/hooks/dsr"))).stream()
                .filter(r -> ("dsr-deadline-dispatch-" + dispatchId).equals(r.getHeader("Idempotency-Key"))).toList();
    }

    private static long dispatchOf(String requestId) {
        return ((Number) rows.rows("SELECT dispatch_id FROM deadline_notice WHERE request_id = ?", requestId).get(0)
                .get("dispatch_id")).longValue();
    }

    private static String status(long dispatchId) {
        return rows.rows("SELECT webhook_status FROM deadline_dispatch WHERE id = ?", dispatchId).get(0)
                .get("webhook_status").toString();
    }

    /** Lets the delivery route poll a few times, so that a call that should not happen would have happened. */
    private static void awaitDeliveryPolls() {
        NotifyBuilder polls = new NotifyBuilder(hub.context()).fromRoute("deliver-deadline-webhooks").whenCompleted(5)
                .create();
        assertThat(polls.matches(20, TimeUnit.SECONDS)).isTrue();
    }

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDispatchIsRetriedUntilDeliveredAndGivenUpAfterTheLastAttempt() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hooks/dsr")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        receiver.stubFor(post(urlEqualTo("/hooks/dsr")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));

        String first = submit();
        CLOCK.set(dueAt(first).minus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        hub.bean(EscalationPass.class).run();
        long dispatch = dispatchOf(first);
        Awaitility.await().until(() -> callsFor(dispatch).size() == 1);
        awaitDeliveryPolls();
        assertThat(callsFor(dispatch)).hasSize(1);
        assertThat(status(dispatch)).isEqualTo("PENDING");

        CLOCK.advance(Duration.ofSeconds(61));
        Awaitility.await().until(() -> status(dispatch).equals("SENT"));
        List<LoggedRequest> calls = callsFor(dispatch);
        assertThat(calls).hasSize(2);
        LoggedRequest delivered = calls.get(1);
        JsonNode body = JSON.readTree(delivered.getBodyAsString());
        assertThat(body.get("event").asText()).isEqualTo("deadline.reminder");
        assertThat(body.get("dispatchId").asLong()).isEqualTo(dispatch);
        assertThat(body.get("requests").get(0).get("id").asText()).isEqualTo(first);
        assertThat(body.get("requests").get(0).get("kind").asText()).isEqualTo("PROMISE");
        assertThat(delivered.getBodyAsString()).doesNotContain("webhook@example.fi");
        String signature = delivered.getHeader("X-DSR-Signature");
        String timestamp = signature.substring(2, signature.indexOf(','));
        assertThat(signature).isEqualTo("t=" + timestamp + ",v1=" + hmac(timestamp + "." + delivered.getBodyAsString()));
        assertThat(delivered.getHeader("X-DSR-Event")).isEqualTo("deadline.reminder");
        assertThat(delivered.getHeader("Content-Type")).startsWith("application/json");
        awaitDeliveryPolls();
        assertThat(callsFor(dispatch)).hasSize(2);

        // a receiver that keeps failing: three attempts (1 and then 2 minutes apart), then FAILED, no more calls
        hub.bean(LedgerTransactions.class).run(() -> hub.bean(RequestLedger.class)
                .transition(first, RequestStatus.CANCELLED, "test", "answered by post"));
        receiver.resetAll();
        receiver.stubFor(post(urlEqualTo("/hooks/dsr")).willReturn(aResponse().withStatus(500)));
        String second = submit();
        CLOCK.set(dueAt(second).minus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        hub.bean(EscalationPass.class).run();
        long failing = dispatchOf(second);
        Awaitility.await().until(() -> callsFor(failing).size() == 1);
        CLOCK.advance(Duration.ofSeconds(61));
        Awaitility.await().until(() -> callsFor(failing).size() == 2);
        CLOCK.advance(Duration.ofSeconds(121));
        Awaitility.await().until(() -> status(failing).equals("FAILED"));
        CLOCK.advance(Duration.ofHours(6));
        awaitDeliveryPolls();
        assertThat(callsFor(failing)).hasSize(3);
        assertThat(rows.rows("SELECT webhook_attempts, webhook_last_error FROM deadline_dispatch WHERE id = ?", failing)
                .get(0)).satisfies(r -> {
                    assertThat(((Number) r.get("webhook_attempts")).intValue()).isEqualTo(3);
                    assertThat(r.get("webhook_last_error").toString()).contains("500");
                });
    }
}
