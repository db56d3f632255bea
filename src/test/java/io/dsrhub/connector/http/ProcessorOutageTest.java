package io.dsrhub.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
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
 * A processor that is down for a while (503 without Retry-After): the erasure is retried with back-off while the
 * request stays in progress, and completes once the processor is back. The errors recorded name the call as
 * configured, never the subject's address that was in its path.
 */
class ProcessorOutageTest {

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
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          erasure: {action: erase, categories: [user]}
                        """)
                .system("ironzon", "billing-api", """
                        id: billing-api
                        type: http
                        processor: Billing Co
                        base-url: "%s"
                        api-key: "{{dsr.test.billing-key}}"
                        categories: [user.financial]
                        find: {kind: account, url: "/accounts/by-email/{email}", items: /accounts, id: /ref}
                        erase: [{kind: account, method: DELETE, url: "/accounts/{id}"}]
                        """.formatted(api.baseUrl()));
        ledger = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail).bean("clock", CLOCK)
                .property("dsr.test.billing-key", "billing-secret")
                .property("dsr.tasks.first-retry", "PT1M")
                .property("dsr.tasks.max-attempts", "8")
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
    void theErasureIsRetriedWhileTheProcessorIsDownAndCompletesWhenItIsBack() {
        api.stubFor(get(urlPathEqualTo("/accounts/by-email/down%40example.com")).willReturn(aResponse().withStatus(503)));
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "down@example.com"}]}""");
        for (int attempt = 1; attempt <= 3; attempt++) {
            int expected = attempt;
            Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                TaskRecord task = requests.task(id, "billing-api", "erase");
                return task.status() == TaskStatus.FAILED && task.attempts() == expected;
            });
            assertThat(requests.request(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
            TaskRecord failed = requests.task(id, "billing-api", "erase");
            assertThat(failed.lastError()).contains("503").contains("/accounts/by-email/{email}")
                    .doesNotContain("down@example.com");
            assertThat(failed.nextAttemptAt()).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(1L << (attempt - 1))));
            CLOCK.advance(Duration.ofMinutes(1L << (attempt - 1)));
        }

        api.resetAll();
        api.stubFor(get(urlPathEqualTo("/accounts/by-email/down%40example.com"))
                .willReturn(okJson("{\"accounts\": [{\"ref\": \"A-77\"}]}")));
        api.stubFor(delete(urlPathEqualTo("/accounts/A-77")).willReturn(aResponse().withStatus(204)));
        requests.awaitStatus(id, RequestStatus.COMPLETED);
        TaskRecord done = requests.task(id, "billing-api", "erase");
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.attempts()).isEqualTo(4);
        assertThat(done.result()).contains("\"erased\":1").contains("A-77").contains("Billing Co");
    }
}
