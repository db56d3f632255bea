package io.dsrhub.connector.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bucket system configured with {@code export: link} answers an access request with presigned links to the
 * subject's objects (one per key template match), valid for the configured time, instead of copying them.
 */
class S3LinkExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestBuckets region;
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() {
        region = new TestBuckets("eu-central-1").versionedBucket("profiles");
        region.put("profiles", "profiles/ACC-7.json", "{\"nickname\": \"seven\"}")
                .put("profiles", "profiles/ACC-70.json", "{\"nickname\": \"seventy\"}");
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          access: {action: export, categories: [user]}
                        """)
                .system("ironzon", "profile-store", """
                        id: profile-store
                        type: s3
                        export: link
                        link-expiry: PT2H
                        regions:
                          - {id: frankfurt, region: eu-central-1, endpoint: "%s", bucket: profiles,
                             access-key: "{{env:TEST_S3_KEY:test}}", secret-key: "{{env:TEST_S3_SECRET:test}}"}
                        objects:
                          - {key: "profiles/{account-id}.json", categories: [user.account]}
                        """.formatted(region.endpoint()));
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
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
        region.close();
    }

    @Test
    void theExportIsAPresignedLinkToTheSubjectsObjectOnly() throws Exception {
        Instant before = Instant.now();
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "seven@example.com"},
                                {"type": "account-id", "value": "ACC-7"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        TaskRecord task = requests.task(id, "profile-store", "export");
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        JsonNode links = JSON.readTree(task.result()).get("export").get("links");
        assertThat(links).hasSize(1);
        JsonNode link = links.get(0);
        assertThat(link.get("source").asText()).isEqualTo("frankfurt:profiles/ACC-7.json");
        assertThat(link.get("url").asText()).contains("X-Amz-Expires=7200").contains("X-Amz-Signature=");
        assertThat(Instant.parse(link.get("expiresAt").asText())).isAfter(before.plusSeconds(7100));

        HttpResponse<String> fetched = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(link.get("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo("{\"nickname\": \"seven\"}");
    }
}
