package io.dsrhub.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An erasure that targets names nulls the name of the subject's own rows in Fides' example shop and nothing else:
 * other customers, card labels, employees and the loyalty table keep theirs, and no row is deleted.
 */
class FidesNameErasureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDatabase ledger;
    private static TestDatabase shop;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;
    private static LedgerRows shopRows;

    @BeforeAll
    static void start() throws Exception {
        ledger = TestDatabase.postgresql();
        shop = TestDatabase.postgresql();
        FidesShop.load(shop);
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          erasure: {action: erase, categories: [user.name]}
                        """)
                .system("ironzon", "fides-shop", FidesShop.dataMap(shop));
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.tasks.poll-delay", "100")).start();
        requests = new TestRequests(hub);
        shopRows = new LedgerRows(shop.dataSource());
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
    void erasureOfNamesNullsOnlyTheSubjectsNames() throws Exception {
        long rowsBefore = totalRows();
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "customer-1@example.com"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        TaskRecord task = requests.task(id, "fides-shop", "erase");
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        JsonNode tables = JSON.readTree(task.result()).get("tables");
        assertThat(tables).singleElement().satisfies(t -> {
            assertThat(t.get("table").asText()).isEqualTo("customer");
            assertThat(t.get("found").asInt()).isEqualTo(1);
            assertThat(t.get("erased").asInt()).isEqualTo(1);
            assertThat(t.get("columns")).extracting(JsonNode::asText).containsExactly("name");
        });

        assertThat(shopRows.rows("SELECT id, email, name FROM customer ORDER BY id"))
                .extracting(r -> r.get("id") + " " + r.get("email") + " " + r.get("name"))
                .containsExactly("1 customer-1@example.com null", "2 customer-2@example.com Jill Customer",
                        "3 jane@example.com Jane Customer");
        assertThat(shopRows.rows("SELECT name FROM payment_card ORDER BY id")).extracting(r -> r.get("name"))
                .containsExactly("Example Card 1", "Example Card 2", "Example Card 3");
        assertThat(shopRows.rows("SELECT name FROM employee ORDER BY id")).extracting(r -> r.get("name"))
                .containsExactly("Jack Employee", "Jane Employee");
        assertThat(shopRows.rows("SELECT name FROM loyalty ORDER BY id")).extracting(r -> r.get("name"))
                .containsExactly("Jane Customer", "John Customer");
        assertThat(totalRows()).isEqualTo(rowsBefore);
    }

    private static long totalRows() {
        long total = 0;
        for (String table : List.of("customer", "address", "orders", "order_item", "payment_card", "login",
                "service_request", "visit", "employee", "product", "report", "loyalty")) {
            total += shopRows.count(table);
        }
        return total;
    }
}
