package io.dsrhub.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.storage.HubBuckets;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An access request walks Fides' example shop in PostgreSQL from the customer's e-mail address through every
 * reference, and exports exactly that customer's rows, table by table, to the export bucket.
 */
class FidesAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDatabase ledger;
    private static TestDatabase shop;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() throws Exception {
        ledger = TestDatabase.postgresql();
        shop = TestDatabase.postgresql();
        FidesShop.load(shop);
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          access: {action: export, categories: [user]}
                        """)
                .system("ironzon", "fides-shop", FidesShop.dataMap(shop));
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
        shop.close();
        ledger.close();
    }

    @Test
    void accessForCustomerOneFindsExactlyItsRowsInEveryTable() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "customer-1@example.com"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        TaskRecord task = requests.task(id, "fides-shop", "export");
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        JsonNode result = JSON.readTree(task.result());
        assertThat(result.get("tables")).extracting(t -> t.get("table").asText() + "=" + t.get("exported").asInt())
                .containsExactly("customer=1", "address=2", "orders=3", "order_item=4", "payment_card=1",
                        "login=6", "service_request=1", "visit=1");

        String key = result.get("export").get("objects").get(0).get("key").asText();
        assertThat(key).isEqualTo("requests/" + id + "/fides-shop/fides-shop.json");
        JsonNode export = JSON.readTree(hub.bean(HubBuckets.class).client()
                .getObjectAsBytes(b -> b.bucket("dsr-exports").key(key)).asByteArray());
        Map<String, List<String>> rows = rowsByTable(export);

        assertThat(rows.get("customer")).containsExactly(
                "{\"email\":\"customer-1@example.com\",\"name\":\"John Customer\",\"created\":\"2020-04-01T11:47:42\"}");
        assertThat(rows.get("address")).containsExactlyInAnyOrder(
                "{\"house\":123,\"street\":\"Example Street\",\"city\":\"Exampletown\",\"state\":\"NY\",\"zip\":\"12345\"}",
                "{\"house\":4,\"street\":\"Example Lane\",\"city\":\"Exampletown\",\"state\":\"NY\",\"zip\":\"12321\"}");
        assertThat(rows.get("orders")).containsExactlyInAnyOrder("{\"id\":\"ord_aaa-aaa\"}", "{\"id\":\"ord_ccc-ccc\"}",
                "{\"id\":\"ord_ddd-ddd\"}");
        assertThat(rows.get("order_item")).containsExactlyInAnyOrder(
                "{\"order_id\":\"ord_aaa-aaa\",\"item_no\":1,\"quantity\":1}",
                "{\"order_id\":\"ord_ccc-ccc\",\"item_no\":1,\"quantity\":1}",
                "{\"order_id\":\"ord_ccc-ccc\",\"item_no\":2,\"quantity\":1}",
                "{\"order_id\":\"ord_ddd-ddd\",\"item_no\":1,\"quantity\":1}");
        assertThat(rows.get("payment_card")).containsExactly(
                "{\"name\":\"Example Card 1\",\"ccn\":123456789,\"code\":321,\"preferred\":true}");
        assertThat(rows.get("login")).containsExactlyInAnyOrder(
                "{\"time\":\"2021-01-01T01:00\"}", "{\"time\":\"2021-01-02T01:00\"}", "{\"time\":\"2021-01-03T01:00\"}",
                "{\"time\":\"2021-01-04T01:00\"}", "{\"time\":\"2021-01-05T01:00\"}", "{\"time\":\"2021-01-06T01:00\"}");
        assertThat(rows.get("service_request")).containsExactly("{\"email\":\"customer-1@example.com\","
                + "\"alt_email\":\"customer-1-alt@example.com\",\"opened\":\"2021-01-01\",\"closed\":\"2021-01-03\"}");
        assertThat(rows.get("visit")).containsExactly(
                "{\"email\":\"customer-1@example.com\",\"last_visit\":\"2021-01-06T01:00\"}");
        assertThat(rows).doesNotContainKeys("product", "employee", "report");
    }

    @Test
    void aSubjectTheShopDoesNotKnowIsNotFound() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "nobody@example.com"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        TaskRecord task = requests.task(id, "fides-shop", "export");
        assertThat(task.status()).isEqualTo(TaskStatus.NOT_FOUND);
        assertThat(JSON.readTree(task.result()).has("export")).isFalse();
    }

    private static Map<String, List<String>> rowsByTable(JsonNode export) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (JsonNode table : export.get("tables")) {
            List<String> list = new ArrayList<>();
            table.get("rows").forEach(r -> list.add(r.toString()));
            rows.put(table.get("table").asText(), list);
        }
        return rows;
    }
}
