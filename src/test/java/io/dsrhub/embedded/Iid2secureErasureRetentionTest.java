package io.dsrhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.storage.HubBuckets;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.MutableClock;
import io.dsrhub.testing.TestDatabase;
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
 * An erasure at IID2SECURE (demo systems): the policy keeps all personal information for six months under the
 * internet-security rules, so the account rows and the videos of all four regions are RETAINED with that basis and a
 * purge date; the videos (which need the account id) are handled before the account database; six months later the
 * purge erases the rows and every version of the videos.
 */
class Iid2secureErasureRetentionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-05-20T02:00:00Z"));
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() {
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = HubInstance.builder().database(ledger).mail(mail).bean("clock", CLOCK)
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.tasks.poll-delay", "100")
                .start();
        requests = new TestRequests(hub);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        mail.close();
        ledger.close();
    }

    @Test
    void everythingIsKeptSixMonthsAndThenPurged() throws Exception {
        HubBuckets buckets = hub.bean(HubBuckets.class);
        List<String> regionBuckets = List.of("iid2secure-videos-sg", "iid2secure-videos-cn", "iid2secure-videos-de",
                "iid2secure-videos-us");
        Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> versions(buckets, "iid2secure-videos-us", "videos/IID-100777/") == 1);

        String id = requests.submitVerified("""
                {"controller": "iid2secure", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "zhang.min@example.cn"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        TaskRecord videos = requests.task(id, "iid2secure-videos", "erase");
        TaskRecord accounts = requests.task(id, "iid2secure-accounts", "erase");
        assertThat(videos.status()).isEqualTo(TaskStatus.RETAINED);
        assertThat(accounts.status()).isEqualTo(TaskStatus.RETAINED);
        assertThat(videos.stage()).isLessThan(accounts.stage());
        assertThat(videos.finishedAt()).isBeforeOrEqualTo(accounts.startedAt());
        JsonNode retained = JSON.readTree(videos.result()).get("retained").get(0);
        assertThat(retained.get("rule").asText()).isEqualTo("six-months-after-deletion");
        assertThat(retained.get("basis").asText()).contains("Cybersecurity Law");
        assertThat(retained.get("purgeOn").asText()).isEqualTo("2025-11-20");
        assertThat(retained.get("objects").asInt()).isEqualTo(4);
        assertThat(JSON.readTree(accounts.result()).get("retained").get(0).get("rows").asInt()).isEqualTo(2);
        for (String bucket : regionBuckets) {
            assertThat(versions(buckets, bucket, "videos/IID-100777/")).isEqualTo(1);
        }

        CLOCK.set(Instant.parse("2025-11-20T01:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                requests.task(id, "iid2secure-videos", "purge").status() == TaskStatus.DONE
                        && requests.task(id, "iid2secure-accounts", "purge").status() == TaskStatus.DONE);
        for (String bucket : regionBuckets) {
            assertThat(versions(buckets, bucket, "videos/IID-100777/")).isZero();
            assertThat(versions(buckets, bucket, "videos/IID-100234/")).isEqualTo(2);
        }
        JsonNode purged = JSON.readTree(requests.task(id, "iid2secure-accounts", "purge").result()).get("tables");
        assertThat(purged).extracting(t -> t.get("table").asText() + "=" + t.get("erased").asInt())
                .containsExactly("devices=1", "accounts=1");
    }

    private static int versions(HubBuckets buckets, String bucket, String prefix) {
        var listing = buckets.client().listObjectVersions(b -> b.bucket(bucket).prefix(prefix));
        return listing.versions().size() + listing.deleteMarkers().size();
    }
}
