package io.dsrhub.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.MutableClock;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A processor that answers 429 with {@code Retry-After: 120} is called again after those two minutes, not after
 * the usual back-off (an hour here), and the task then completes.
 */
class ProcessorRetryAfterTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private static WireMockServer api;
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() {
        api = new WireMockServer(options().dynamicPort());
        api.start();
        api.stubFor(get(urlPathEqualTo("/v1/customers/search")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"rate_limit_error\"}}"))
                .willSetStateTo("calm"));
        api.stubFor(get(urlPathEqualTo("/v1/customers/search")).inScenario("limit").whenScenarioStateIs("calm")
                .willReturn(okJson("""
                        {"object": "search_result", "has_more": false, "next_page": null, "data": [
                          {"id": "cus_9s6XKzkNRiz8i3", "object": "customer"}]}""")));
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          access: {action: find, categories: [user]}
                        """)
                .system("ironzon", "stripe", """
                        id: stripe
                        type: http
                        preset: stripe
                        base-url: "%s"
                        api-key: "{{dsr.test.stripe-key}}"
                        categories: [user.financial]
                        """.formatted(api.baseUrl()));
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail).bean("clock", CLOCK)
                .property("dsr.test.stripe-key", "sk_test_limit")
                .property("dsr.tasks.first-retry", "PT1H")
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
    void theTaskIsRetriedWhenTheProcessorSaidAndThenCompletes() {
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "limited@example.com"}]}""");
        Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> requests.task(id, "stripe", "find").status() == TaskStatus.FAILED);
        TaskRecord failed = requests.task(id, "stripe", "find");
        assertThat(failed.nextAttemptAt()).isEqualTo(CLOCK.instant().plusSeconds(120));
        assertThat(failed.lastError()).contains("429");
        assertThat(requests.request(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);

        CLOCK.advance(Duration.ofSeconds(119));
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> requests.task(id, "stripe", "find").status() == TaskStatus.FAILED);
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers/search")));

        CLOCK.advance(Duration.ofSeconds(1));
        requests.awaitStatus(id, RequestStatus.COMPLETED);
        TaskRecord done = requests.task(id, "stripe", "find");
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.result()).contains("cus_9s6XKzkNRiz8i3");
        api.verify(2, getRequestedFor(urlPathEqualTo("/v1/customers/search")));
    }
}
