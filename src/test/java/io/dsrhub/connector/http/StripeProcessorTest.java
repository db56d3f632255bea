package io.dsrhub.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.storage.HubBuckets;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WireMock plays Stripe with its real answer shapes: the customer is found through the search API by e-mail, the
 * access request exports the customer with both pages of its charges and its payment methods into the export
 * bucket, and the erasure deletes the customer with the API key as bearer and an idempotency key.
 */
class StripeProcessorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    private static WireMockServer stripe;
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() {
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        stripe.stubFor(get(urlPathEqualTo("/v1/customers/search"))
                .withQueryParam("query", equalTo("email:'jenny.rosen@example.com'"))
                .willReturn(okJson("""
                        {"object": "search_result", "url": "/v1/customers/search", "has_more": false,
                         "next_page": null, "data": [
                          {"id": "cus_NffrFeUfNV2Hib", "object": "customer", "email": "jenny.rosen@example.com",
                           "name": "Jenny Rosen", "created": 1680893993, "livemode": false}]}""")));
        stripe.stubFor(get(urlPathEqualTo("/v1/customers/search"))
                .withQueryParam("query", equalTo("email:'nobody@example.com'"))
                .willReturn(okJson("""
                        {"object": "search_result", "url": "/v1/customers/search", "has_more": false,
                         "next_page": null, "data": []}""")));
        stripe.stubFor(get(urlPathEqualTo("/v1/customers/cus_NffrFeUfNV2Hib")).willReturn(okJson("""
                {"id": "cus_NffrFeUfNV2Hib", "object": "customer", "email": "jenny.rosen@example.com",
                 "name": "Jenny Rosen", "phone": null, "created": 1680893993, "livemode": false}""")));
        stripe.stubFor(get(urlPathEqualTo("/v1/charges")).withQueryParam("customer", equalTo("cus_NffrFeUfNV2Hib"))
                .withQueryParam("starting_after", absent())
                .willReturn(okJson("""
                        {"object": "list", "url": "/v1/charges", "has_more": true, "data": [
                          {"id": "ch_1", "object": "charge", "amount": 1099, "currency": "eur",
                           "customer": "cus_NffrFeUfNV2Hib"},
                          {"id": "ch_2", "object": "charge", "amount": 2500, "currency": "eur",
                           "customer": "cus_NffrFeUfNV2Hib"}]}""")));
        stripe.stubFor(get(urlPathEqualTo("/v1/charges")).withQueryParam("customer", equalTo("cus_NffrFeUfNV2Hib"))
                .withQueryParam("starting_after", equalTo("ch_2"))
                .willReturn(okJson("""
                        {"object": "list", "url": "/v1/charges", "has_more": false, "data": [
                          {"id": "ch_3", "object": "charge", "amount": 480, "currency": "eur",
                           "customer": "cus_NffrFeUfNV2Hib"}]}""")));
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_methods"))
                .withQueryParam("customer", equalTo("cus_NffrFeUfNV2Hib"))
                .willReturn(okJson("""
                        {"object": "list", "url": "/v1/payment_methods", "has_more": false, "data": [
                          {"id": "pm_1MqLiJLkdIwHu7ixUEgbFdYF", "object": "payment_method", "type": "card",
                           "card": {"brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2026},
                           "customer": "cus_NffrFeUfNV2Hib"}]}""")));
        stripe.stubFor(delete(urlPathEqualTo("/v1/customers/cus_NffrFeUfNV2Hib")).willReturn(okJson("""
                {"id": "cus_NffrFeUfNV2Hib", "object": "customer", "deleted": true}""")));

        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          access: {action: export, categories: [user]}
                          erasure: {action: erase, categories: [user]}
                        """)
                .system("ironzon", "stripe", """
                        id: stripe
                        type: http
                        preset: stripe
                        base-url: "%s"
                        api-key: "{{dsr.test.stripe-key}}"
                        categories: [user.financial, user.contact.email, user.name]
                        """.formatted(stripe.baseUrl()));
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                .property("dsr.test.stripe-key", KEY)
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
    void accessAndErasureExportTheCustomerWithEveryPageThenDeleteIt() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["access", "erasure"],
                 "identities": [{"type": "email", "value": "jenny.rosen@example.com"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        TaskRecord export = requests.task(id, "stripe", "export");
        assertThat(export.status()).isEqualTo(TaskStatus.DONE);
        JsonNode exported = JSON.readTree(export.result());
        assertThat(exported.at("/processor/processor").asText()).isEqualTo("Stripe");
        assertThat(exported.at("/processor/records")).extracting(r -> r.get("kind").asText() + "="
                + r.get("exported").asInt()).containsExactly("customer=1", "charges=3", "payment-methods=1");
        String key = exported.at("/export/objects/0/key").asText();
        HubBuckets buckets = hub.bean(HubBuckets.class);
        JsonNode document = JSON.readTree(buckets.client().getObjectAsBytes(b -> b
                .bucket(exported.at("/export/bucket").asText()).key(key)).asByteArray());
        assertThat(document.findValues("id")).extracting(JsonNode::asText)
                .contains("cus_NffrFeUfNV2Hib", "ch_1", "ch_2", "ch_3", "pm_1MqLiJLkdIwHu7ixUEgbFdYF");

        TaskRecord erase = requests.task(id, "stripe", "erase");
        assertThat(erase.status()).isEqualTo(TaskStatus.DONE);
        JsonNode erased = JSON.readTree(erase.result()).at("/processor/records/0");
        assertThat(erased.get("kind").asText()).isEqualTo("customer");
        assertThat(erased.get("erased").asInt()).isEqualTo(1);
        assertThat(erased.get("ids").get(0).asText()).isEqualTo("cus_NffrFeUfNV2Hib");

        List<LoggedRequest> deletes = stripe.findAll(deleteRequestedFor(urlPathEqualTo(
                "/v1/customers/cus_NffrFeUfNV2Hib")));
        assertThat(deletes).hasSize(1);
        assertThat(deletes.get(0).getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(deletes.get(0).getHeader("Idempotency-Key")).matches("dsr-[0-9a-f-]{36}");
        stripe.verify(getRequestedFor(urlPathEqualTo("/v1/charges"))
                .withQueryParam("starting_after", equalTo("ch_2"))
                .withHeader("Authorization", matching("Bearer sk_test_.*")));
    }

    @Test
    void aSubjectStripeDoesNotKnowIsReportedNotFoundAndNothingIsDeleted() throws Exception {
        int deletesBefore = stripe.findAll(deleteRequestedFor(urlPathEqualTo("/v1/customers/cus_NffrFeUfNV2Hib")))
                .size();
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "nobody@example.com"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);
        TaskRecord erase = requests.task(id, "stripe", "erase");
        assertThat(erase.status()).isEqualTo(TaskStatus.NOT_FOUND);
        assertThat(JSON.readTree(erase.result()).at("/processor/status").asText()).isEqualTo("not-found");
        assertThat(stripe.findAll(deleteRequestedFor(urlPathEqualTo("/v1/customers/cus_NffrFeUfNV2Hib"))))
                .hasSize(deletesBefore);
    }
}
