package io.dsrhub.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request with work no connector can do waits in AWAITING_MANUAL; the operator retries a dead task once its
 * system is fixed and completes the manual task, and the request completes. Both actions need the admin token and
 * are audited under the operator's name.
 */
class OperatorTaskActionsTest {

    private static final String BEARER = "Bearer " + HubInstance.ADMIN_TOKEN;
    private static TestDatabase ledger;
    private static TestDatabase shop;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() throws Exception {
        shop = TestDatabase.h2();
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(100), name VARCHAR(100))");
            st.execute("INSERT INTO people VALUES (1, 'lee@example.com', 'Lee')");
        }
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          erasure: {action: erase, categories: [user]}
                          rectification: {action: rectify, categories: [user.name]}
                        """)
                .system("ironzon", "people-db", """
                        id: people-db
                        type: jdbc
                        connection: {url: "%s", username: sa, password: ""}
                        tables:
                          - name: people
                            primary-key: [id]
                            erase: delete-row
                            columns:
                              - {name: email, identity: email, categories: [user.contact.email]}
                              - {name: name, categories: [user.name]}
                        """.formatted(shop.url()));
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.tasks.poll-delay", "100")
                .property("dsr.tasks.max-attempts", "1")
                .property("dsr.fulfilment.settle-delay", "200")).start();
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
    void theOperatorRetriesTheDeadTaskAndCompletesTheManualOne() throws Exception {
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE people RENAME TO people_away");
        }
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["rectification", "erasure"],
                 "identities": [{"type": "email", "value": "lee@example.com"}],
                 "details": "My name is spelt Li."}""");
        requests.awaitStatus(id, RequestStatus.AWAITING_MANUAL);
        TaskRecord rectify = requests.task(id, "people-db", "rectify");
        TaskRecord erase = requests.task(id, "people-db", "erase");
        assertThat(rectify.status()).isEqualTo(TaskStatus.MANUAL_PENDING);
        assertThat(erase.status()).isEqualTo(TaskStatus.DEAD);

        assertThat(hub.http().postJson("/api/v1/admin/tasks/" + erase.id() + "/retry", "{}").statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/admin/tasks/" + rectify.id() + "/retry", "{}").statusCode()).isEqualTo(409);

        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE people_away RENAME TO people");
        }
        HttpResponse<String> retried = post("/api/v1/admin/tasks/" + erase.id() + "/retry", "");
        assertThat(retried.statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> requests.task(id, "people-db", "erase").status() == TaskStatus.DONE);
        assertThat(new LedgerRows(shop.dataSource()).count("people")).isZero();
        assertThat(requests.request(id).status()).isEqualTo(RequestStatus.AWAITING_MANUAL);

        assertThat(post("/api/v1/admin/tasks/" + rectify.id() + "/complete", "{\"outcome\": \"maybe\"}")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> completed = post("/api/v1/admin/tasks/" + rectify.id() + "/complete",
                "{\"outcome\": \"done\", \"note\": \"name corrected in the CRM\"}");
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(completed.body()).contains("\"status\":\"DONE\"").contains("\"requestStatus\":\"COMPLETED\"");
        assertThat(requests.request(id).status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(requests.task(id, "people-db", "rectify").result()).contains("name corrected in the CRM");
        assertThat(new LedgerRows(ledger.dataSource()).rows("SELECT actor, action FROM audit_event WHERE "
                        + "request_id = ? AND action LIKE '%BY_OPERATOR' ORDER BY seq", id))
                .extracting(r -> r.get("actor") + " " + r.get("action"))
                .containsExactly("operator:Ana TASK_RETRIED_BY_OPERATOR", "operator:Ana TASK_COMPLETED_BY_OPERATOR");
        assertThat(post("/api/v1/admin/tasks/" + rectify.id() + "/complete", "{\"outcome\": \"done\"}")
                .statusCode()).isEqualTo(409);
    }

    private static HttpResponse<String> post(String path, String body) {
        return hub.http().postJson(path, body, "Authorization", BEARER, "X-Operator", "Ana");
    }
}
