package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.storage.HubBuckets;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An access request at IID2SECURE (demo systems of the embedded profile): the package holds the account rows from
 * the account database and the subject's camera videos from all four regions, copied byte for byte under
 * files/iid2secure-videos/<region>/..., listed in data.json and on the summary page; nobody else's videos.
 */
class PackageWithBucketFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;

    @BeforeAll
    static void start() {
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = HubInstance.builder().database(ledger).mail(mail)
                .property("dsr.outbox.poll-delay", "100")
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.fulfilment.announce-delay", "100")
                .property("dsr.tasks.poll-delay", "100").start();
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
    void thePackageHoldsTheVideosOfEveryRegion() throws Exception {
        HubBuckets buckets = hub.bean(HubBuckets.class);
        Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> buckets.client()
                .listObjectsV2(b -> b.bucket("iid2secure-videos-us").prefix("videos/IID-100234/")).keyCount() == 2);
        TestRequests requests = new TestRequests(hub);
        String id = requests.submitVerified("""
                {"controller": "iid2secure", "types": ["access"], "language": "en",
                 "identities": [{"type": "email", "value": "li.wei@example.cn"}]}""");
        try {
            requests.awaitStatus(id, Duration.ofSeconds(60), RequestStatus.COMPLETED);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(requests.request(id).status() + " " + requests.tasks(id), e);
        }

        String body = ReplyMails.text(ReplyMails.await(mail, "li.wei@example.cn", "complete"));
        Map<String, String> zip = ReplyMails.unzip(ReplyMails.download(ReplyMails.link(body)).body(), null);

        List<String> videos = zip.keySet().stream().filter(k -> k.startsWith("files/")).sorted().toList();
        assertThat(videos).hasSize(8).allMatch(k -> k.contains("/videos/IID-100234/"));
        for (String[] region : new String[][] {{"singapore", "sg"}, {"beijing", "cn"}, {"frankfurt", "de"},
                {"california", "us"}}) {
            for (int n = 1; n <= 2; n++) {
                String path = "files/iid2secure-videos/" + region[0] + "/videos/IID-100234/2024-05-0" + n
                        + "T08-00-00.mp4";
                assertThat(zip.get(path)).as(path).isEqualTo("demo video " + n + " of IID-100234 in " + region[1]);
            }
        }
        JsonNode data = JSON.readTree(zip.get("data.json"));
        assertThat(data.get("files")).hasSize(8).allSatisfy(f -> {
            assertThat(f.get("system").asText()).isEqualTo("iid2secure-videos");
            assertThat(zip).containsKey(f.get("path").asText());
        });
        assertThat(data.get("systems")).extracting(s -> s.get("system").asText()).contains("iid2secure-accounts");
        assertThat(zip.get("data.json")).contains("IID-100234").doesNotContain("IID-100777");
        assertThat(zip.get("summary.html")).contains("files/iid2secure-videos/frankfurt/videos/IID-100234/");
    }
}
