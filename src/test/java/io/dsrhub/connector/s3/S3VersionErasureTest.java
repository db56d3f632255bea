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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Erasure on a bucket system with two regions (two S3 endpoints) deletes every version and delete marker of the
 * subject's objects in both, reports keys, versions and bytes per region, and leaves other subjects' objects.
 */
class S3VersionErasureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestBuckets frankfurt;
    private static TestBuckets singapore;
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() {
        frankfurt = new TestBuckets("eu-central-1").versionedBucket("videos-de");
        singapore = new TestBuckets("ap-southeast-1").versionedBucket("videos-sg");
        frankfurt.put("videos-de", "videos/ACC-1/a.mp4", "first take")      // 10 bytes
                .put("videos-de", "videos/ACC-1/a.mp4", "second take!")     // 12 bytes
                .put("videos-de", "videos/ACC-1/b.mp4", "bbbb")             // 4 bytes
                .delete("videos-de", "videos/ACC-1/b.mp4")                  // a delete marker
                .put("videos-de", "videos/ACC-10/other.mp4", "not ACC-1's")
                .put("videos-de", "videos/ACC-2/c.mp4", "someone else");
        singapore.put("videos-sg", "videos/ACC-1/c.mp4", "cccccc")          // 6 bytes
                .put("videos-sg", "videos/ACC-2/d.mp4", "someone else");
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          erasure: {action: erase, categories: [user]}
                        """)
                .system("ironzon", "camera-videos", """
                        id: camera-videos
                        type: s3
                        regions:
                          - {id: frankfurt, region: eu-central-1, endpoint: "%s", bucket: videos-de,
                             access-key: "{{env:TEST_S3_KEY:test}}", secret-key: "{{env:TEST_S3_SECRET:test}}"}
                          - {id: singapore, region: ap-southeast-1, endpoint: "%s", bucket: videos-sg,
                             access-key: "{{env:TEST_S3_KEY:test}}", secret-key: "{{env:TEST_S3_SECRET:test}}"}
                        objects:
                          - {prefix: "videos/{account-id}/", categories: [user.content.video]}
                        """.formatted(frankfurt.endpoint(), singapore.endpoint()));
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
        frankfurt.close();
        singapore.close();
    }

    @Test
    void everyVersionOfTheSubjectsObjectsIsDeletedInBothRegions() throws Exception {
        assertThat(frankfurt.versions("videos-de", "videos/ACC-1/")).hasSize(4);

        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "owner@example.com"},
                                {"type": "account-id", "value": "ACC-1"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        assertThat(frankfurt.versions("videos-de", "videos/ACC-1/")).isEmpty();
        assertThat(singapore.versions("videos-sg", "videos/ACC-1/")).isEmpty();
        assertThat(frankfurt.versions("videos-de", "videos/ACC-10/")).hasSize(1);
        assertThat(frankfurt.versions("videos-de", "videos/ACC-2/")).hasSize(1);
        assertThat(singapore.versions("videos-sg", "videos/ACC-2/")).hasSize(1);

        TaskRecord task = requests.task(id, "camera-videos", "erase");
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        JsonNode regions = JSON.readTree(task.result()).get("regions");
        assertThat(regions).hasSize(2);
        JsonNode de = regions.get(0);
        assertThat(de.get("region").asText()).isEqualTo("frankfurt");
        assertThat(de.get("objects").asInt()).isEqualTo(2);
        assertThat(de.get("versions").asInt()).isEqualTo(4);
        assertThat(de.get("bytes").asLong()).isEqualTo(26);
        assertThat(de.get("keys")).extracting(JsonNode::asText)
                .containsExactly("videos/ACC-1/a.mp4", "videos/ACC-1/b.mp4");
        JsonNode sg = regions.get(1);
        assertThat(sg.get("region").asText()).isEqualTo("singapore");
        assertThat(sg.get("bytes").asLong()).isEqualTo(6);
        assertThat(sg.get("keys")).extracting(JsonNode::asText).containsExactly("videos/ACC-1/c.mp4");
    }

    @Test
    void anIdentityThatIsNotASafeKeySegmentFindsNothing() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "owner2@example.com"},
                                {"type": "account-id", "value": ".."}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        assertThat(requests.task(id, "camera-videos", "erase").status()).isEqualTo(TaskStatus.NOT_FOUND);
        assertThat(frankfurt.versions("videos-de", "videos/ACC-2/")).hasSize(1);
    }
}
