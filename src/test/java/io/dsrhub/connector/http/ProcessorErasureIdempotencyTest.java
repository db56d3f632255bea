package io.dsrhub.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.MutableClock;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An erasure whose first DELETE failed after Stripe may have done it is retried with the same Idempotency-Key, so
 * Stripe does it once; a customer already gone (404) is not an error.
 */
class ProcessorErasureIdempotencyTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private static WireMockServer stripe;
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() {
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        stripe.stubFor(get(urlPathEqualTo("/v1/customers/search")).willReturn(okJson("""
                {"object": "search_result", "has_more": false, "next_page": null, "data": [
                  {"id": "cus_A", "object": "customer"}, {"id": "cus_B", "object": "customer"}]}""")));
        stripe.stubFor(delete(urlPathEqualTo("/v1/customers/cus_A")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(502))
                .willSetStateTo("recovered"));
        stripe.stubFor(delete(urlPathEqualTo("/v1/customers/cus_A")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(okJson("""
                        {"id": "cus_A", "object": "customer", "deleted": true}""")));
        stripe.stubFor(delete(urlPathEqualTo("/v1/customers/cus_B")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"resource_missing\", \"type\": \"invalid_request_error\"}}")));
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          erasure: {action: erase, categories: [user]}
                        """)
                .system("ironzon", "stripe", """
                        id: stripe
                        type: http
                        preset: stripe
                        base-url: "%s"
                        api-key: "{{dsr.test.stripe-key}}"
                        categories: [user.financial]
                        """.formatted(stripe.baseUrl()));
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail).bean("clock", CLOCK)
                .property("dsr.test.stripe-key", "sk_test_idem")
                .property("dsr.tasks.first-retry", "PT1M")
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
        stripe.stop();
    }

    @Test
    void theRetriedDeleteCarriesTheSameIdempotencyKey() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "twice@example.com"}]}""");
        Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> requests.task(id, "stripe", "erase").status() == TaskStatus.FAILED);
        CLOCK.advance(Duration.ofMinutes(1));
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        List<LoggedRequest> deletes = stripe.findAll(deleteRequestedFor(urlPathEqualTo("/v1/customers/cus_A")));
        assertThat(deletes).hasSize(2);
        assertThat(deletes.get(0).getHeader("Idempotency-Key")).isNotBlank()
                .isEqualTo(deletes.get(1).getHeader("Idempotency-Key"));
        String keyOfB = stripe.findAll(deleteRequestedFor(urlPathEqualTo("/v1/customers/cus_B"))).get(0)
                .getHeader("Idempotency-Key");
        assertThat(keyOfB).isNotEqualTo(deletes.get(0).getHeader("Idempotency-Key"));
        String result = requests.task(id, "stripe", "erase").result();
        assertThat(result).contains("\"found\":2").contains("\"erased\":1").contains("cus_A");
    }
}
