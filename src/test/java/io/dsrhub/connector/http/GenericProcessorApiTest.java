package io.dsrhub.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.storage.HubBuckets;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A processor API configured in YAML only: the subject is searched with a POST body, the
 * export follows a cursor the answer gives, and the erasure is a POST with a body and an Idempotency-Key.
 */
class GenericProcessorApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer api;
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() {
        api = new WireMockServer(options().dynamicPort());
        api.start();
        api.stubFor(post(urlPathEqualTo("/api/members/search"))
                .withRequestBody(equalToJson("{\"email\": \"o'brien@example.com\"}"))
                .willReturn(okJson("{\"members\": [{\"member_id\": \"M-1\"}]}")));
        api.stubFor(get(urlPathEqualTo("/api/members/M-1/events")).withQueryParam("cursor", absent())
                .willReturn(okJson("{\"events\": [{\"id\": \"e1\"}, {\"id\": \"e2\"}], \"more\": true, "
                        + "\"next\": \"c-2\"}")));
        api.stubFor(get(urlPathEqualTo("/api/members/M-1/events")).withQueryParam("cursor", equalTo("c-2"))
                .willReturn(okJson("{\"events\": [{\"id\": \"e3\"}], \"more\": false}")));
        api.stubFor(post(urlPathEqualTo("/api/members/M-1/forget"))
                .withRequestBody(equalToJson("{\"member\": \"M-1\", \"reason\": \"data-subject-request\"}"))
                .willReturn(okJson("{\"forgotten\": true}")));
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          access: {action: export, categories: [user]}
                          erasure: {action: erase, categories: [user]}
                        """)
                .system("ironzon", "loyalty", """
                        id: loyalty
                        type: http
                        processor: Loyalty Ltd
                        base-url: "%s"
                        api-key: "{{dsr.test.loyalty-key}}"
                        categories: [user.behavior]
                        find: {kind: member, method: POST, url: /api/members/search, body: '{"email": "{email}"}',
                               items: /members, id: /member_id}
                        export:
                          - {kind: events, url: "/api/members/{id}/events", items: /events, id: /id,
                             next: {has-more: /more, param: cursor, cursor: /next}}
                        erase:
                          - {kind: member, method: POST, url: "/api/members/{id}/forget",
                             body: '{"member": "{id}", "reason": "data-subject-request"}', check: /forgotten}
                        """.formatted(api.baseUrl()));
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                .property("dsr.test.loyalty-key", "loyalty-secret")
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
    void aProcessorConfiguredInYamlIsSearchedExportedAndErased() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["access", "erasure"],
                 "identities": [{"type": "email", "value": "o'brien@example.com"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        JsonNode export = JSON.readTree(requests.task(id, "loyalty", "export").result());
        assertThat(export.at("/processor/records/0/kind").asText()).isEqualTo("events");
        assertThat(export.at("/processor/records/0/exported").asInt()).isEqualTo(3);
        JsonNode document = JSON.readTree(hub.bean(HubBuckets.class).client().getObjectAsBytes(b -> b
                .bucket(export.at("/export/bucket").asText()).key(export.at("/export/objects/0/key").asText()))
                .asByteArray());
        assertThat(document.findValues("id")).extracting(JsonNode::asText).containsExactly("e1", "e2", "e3");

        JsonNode erase = JSON.readTree(requests.task(id, "loyalty", "erase").result());
        assertThat(erase.at("/processor/records/0/erased").asInt()).isEqualTo(1);
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/api/members/M-1/forget"))).get(0)
                .getHeader("Idempotency-Key")).startsWith("dsr-");
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo("/api/members/search"))).get(0)
                .getHeader("Authorization")).isEqualTo("Bearer loyalty-secret");
    }
}
