package io.dsrhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.storage.HubBuckets;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded default seeds demo systems for the five controllers, so that a newcomer's request finds real rows
 * (account, devices, orders) and, at IID2SECURE, video objects in all four regions.
 */
class DemoSystemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDatabase database;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() {
        database = TestDatabase.h2();
        mail = new TestMailServer();
        hub = HubInstance.builder().database(database).mail(mail)
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.tasks.poll-delay", "100")
                .property("dsr.fulfilment.announce-delay", "100")
                .start();
        requests = new TestRequests(hub);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        mail.close();
        database.close();
    }

    @Test
    void accessRequestAtIid2secureFindsTheAccountRowsAndTheVideosOfAllFourRegions() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "iid2secure", "types": ["access"],
                 "identities": [{"type": "email", "value": "Li.Wei@example.cn"}]}""");

        assertThat(requests.awaitStatus(id, RequestStatus.COMPLETED, RequestStatus.PARTIALLY_COMPLETED).status())
                .isEqualTo(RequestStatus.COMPLETED);

        TaskRecord accounts = requests.task(id, "iid2secure-accounts", "export");
        assertThat(accounts.status()).isEqualTo(TaskStatus.DONE);
        JsonNode tables = JSON.readTree(accounts.result()).get("tables");
        assertThat(tables).extracting(t -> t.get("table").asText() + "=" + t.get("exported").asInt())
                .containsExactly("accounts=1", "devices=2", "orders=1");

        TaskRecord videos = requests.task(id, "iid2secure-videos", "export");
        assertThat(videos.status()).isEqualTo(TaskStatus.DONE);
        JsonNode regions = JSON.readTree(videos.result()).get("regions");
        assertThat(regions).extracting(r -> r.get("region").asText() + "=" + r.get("exported").asInt())
                .containsExactly("singapore=2", "beijing=2", "frankfurt=2", "california=2");
        JsonNode exported = JSON.readTree(videos.result()).get("export").get("objects");
        assertThat(exported).hasSize(8);
        HubBuckets buckets = hub.bean(HubBuckets.class);
        String firstKey = exported.get(0).get("key").asText();
        assertThat(buckets.client().getObjectAsBytes(b -> b.bucket("dsr-exports").key(firstKey)).asUtf8String())
                .startsWith("demo video").contains("IID-100234");
    }

    @Test
    void everyControllerHasASeededAccountDatabase() {
        List<String> systems = List.of("ironzon-accounts", "iid2secure-accounts", "ismarthomeq-accounts",
                "isocket-accounts", "ikotek-accounts");
        String id = requests.submitVerified("""
                {"controller": "isocket", "types": ["access"],
                 "identities": [{"type": "order-number", "value": "ES-21544"}],
                 "requester": {"email": "matti.korhonen@example.fi"}}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);
        assertThat(requests.task(id, "isocket-accounts", "export").result()).contains("\"exported\":1");
        assertThat(hub.bean(io.dsrhub.fulfilment.FulfilmentCatalogue.class).all())
                .extracting(s -> s.id()).containsAll(systems).contains("iid2secure-videos");
    }
}
