package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.security.StatusTokens;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An access request end to end: the export task reads the subject's rows from a PostgreSQL shop, fan-in hands the
 * settled request to the replies, and the subject gets an e-mail with an expiring link (and no personal data in the
 * mail). The link downloads a zip whose data.json and CSV files hold exactly the seeded rows of that subject, row by
 * row, with the categories in plain words, plus a readable summary page; the status page shows the outcome and the
 * link; a repeated announcement does not send a second reply.
 */
class AccessPackageReplyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDatabase ledger;
    private static TestDatabase shop;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;
    private static LedgerRows rows;

    @BeforeAll
    static void start() throws Exception {
        shop = TestDatabase.postgresql();
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(100), full_name VARCHAR(100), "
                    + "phone VARCHAR(30))");
            st.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customer (id), "
                    + "order_number VARCHAR(20), total_cents INT, ordered DATE, note VARCHAR(100))");
            st.execute("INSERT INTO customer VALUES (1, 'pat@example.com', 'Pat Example', '+358401234567'), "
                    + "(2, 'other@example.com', 'Other Person', '+358409999999')");
            st.execute("INSERT INTO orders VALUES (10, 1, 'ORD-1001', 2590, DATE '2024-03-01', 'gift, \"wrapped\"'), "
                    + "(11, 1, 'ORD-1002', 1200, DATE '2024-05-17', NULL), "
                    + "(12, 2, 'ORD-2001', 9900, DATE '2024-06-01', NULL)");
        }
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          access: {action: export, categories: [user]}
                        """)
                .system("ironzon", "web-shop", """
                        id: web-shop
                        name: Web shop
                        type: jdbc
                        connection: {url: "%s", username: postgres, password: ""}
                        tables:
                          - name: customer
                            primary-key: [id]
                            columns:
                              - {name: email, identity: email, categories: [user.contact.email]}
                              - {name: full_name, categories: [user.name]}
                              - {name: phone, categories: [user.contact.phone]}
                          - name: orders
                            primary-key: [id]
                            columns:
                              - name: customer_id
                                references: [{field: customer.id, direction: from}]
                              - {name: order_number, categories: [user.orders.number]}
                              - {name: total_cents, categories: [user.financial.transaction]}
                              - {name: ordered, categories: [user.orders.date]}
                              - {name: note, categories: [user.orders]}
                        """.formatted(shop.url()));
        ledger = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.fulfilment.announce-delay", "100")
                .property("dsr.outbox.poll-delay", "100")
                .property("dsr.tasks.poll-delay", "100")).start();
        requests = new TestRequests(hub);
        rows = new LedgerRows(ledger.dataSource());
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
    void theSubjectGetsALinkToAPackageWithExactlyTheirRows() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["access"], "language": "en",
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        MimeMessage reply = ReplyMails.await(mail, "pat@example.com", "Your privacy request is complete");
        String reference = requests.request(id).reference();
        assertThat(reply.getSubject()).startsWith("[" + reference + "]");
        assertThat(reply.getFrom()[0].toString()).isEqualTo("support@ironzon.com");
        // a request from the API has no mail of its own: the reply threads under the acknowledgement
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(rows.rows("SELECT message_id FROM "
                + "outbound_message WHERE request_id = ? AND kind = 'ACKNOWLEDGEMENT'", id).get(0).get("message_id"));
        String body = ReplyMails.text(reply);
        assertThat(body).contains("Web shop: 3 records")
                .contains("/status/" + id + "?token=" + hub.bean(StatusTokens.class).issue(id));
        // never personal data in the mail itself
        assertThat(body).doesNotContain("Pat Example").doesNotContain("+358401234567").doesNotContain("ORD-1001");

        HttpResponse<byte[]> download = ReplyMails.download(ReplyMails.link(body));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
                assertThat(v).contains("data-package-" + reference + ".zip"));
        Map<String, String> zip = ReplyMails.unzip(download.body(), null);
        assertThat(zip.keySet()).containsExactly("data.json", "csv/web-shop/customer.csv", "csv/web-shop/orders.csv",
                "summary.html");

        JsonNode data = JSON.readTree(zip.get("data.json"));
        assertThat(data.get("reference").asText()).isEqualTo(reference);
        JsonNode system = data.get("systems").get(0);
        assertThat(system.get("system").asText()).isEqualTo("web-shop");
        assertThat(system.get("systemName").asText()).isEqualTo("Web shop");
        assertThat(system.get("categories")).extracting(c -> c.get("category").asText() + "=" + c.get("description")
                .asText()).containsExactly("user=Personal data about you");
        JsonNode customer = system.get("tables").get(0);
        assertThat(customer.get("table").asText()).isEqualTo("customer");
        assertThat(customer.get("categories")).extracting(c -> c.get("category").asText() + "="
                + c.get("description").asText()).containsExactly("user.contact.email=Your e-mail address",
                "user.name=Your name", "user.contact.phone=Your phone number");
        assertThat(customer.get("columnCategories").get("full_name").get(0).asText()).isEqualTo("user.name");
        assertThat(customer.get("rows")).hasSize(1);
        assertThat(customer.get("rows").get(0).get("email").asText()).isEqualTo("pat@example.com");
        assertThat(customer.get("rows").get(0).get("full_name").asText()).isEqualTo("Pat Example");
        assertThat(customer.get("rows").get(0).get("phone").asText()).isEqualTo("+358401234567");
        JsonNode orders = system.get("tables").get(1);
        assertThat(orders.get("table").asText()).isEqualTo("orders");
        assertThat(orders.get("rows")).extracting(r -> r.get("order_number").asText() + "|"
                + r.get("total_cents").asInt() + "|" + r.get("ordered").asText())
                .containsExactlyInAnyOrder("ORD-1001|2590|2024-03-01", "ORD-1002|1200|2024-05-17");
        assertThat(zip.get("data.json")).doesNotContain("other@example.com").doesNotContain("ORD-2001");

        assertThat(ReplyMails.lines(zip.get("csv/web-shop/customer.csv"))).containsExactly(
                "email,full_name,phone", "pat@example.com,Pat Example,+358401234567");
        List<String> orderLines = ReplyMails.lines(zip.get("csv/web-shop/orders.csv"));
        assertThat(orderLines.get(0)).isEqualTo("order_number,total_cents,ordered,note");
        assertThat(orderLines.subList(1, orderLines.size())).containsExactlyInAnyOrder(
                "ORD-1001,2590,2024-03-01,\"gift, \"\"wrapped\"\"\"", "ORD-1002,1200,2024-05-17,");

        String summary = zip.get("summary.html");
        assertThat(summary).contains("Your e-mail address").contains("Web shop / customer")
                .contains("The dates of your orders").contains("Web shop / orders").contains("customer.csv")
                .contains(reference);

        String statusPage = hub.http().get("/status/" + id + "?token=" + hub.bean(StatusTokens.class).issue(id)).body();
        assertThat(statusPage).contains("Your request is complete").contains(ReplyMails.link(body));
        assertThat(rows.rows("SELECT action, detail FROM audit_event WHERE request_id = ? AND action IN "
                + "('REPLY_QUEUED', 'PACKAGE_DOWNLOADED') ORDER BY seq", id))
                .extracting(r -> (String) r.get("action")).containsExactly("REPLY_QUEUED", "PACKAGE_DOWNLOADED");
        assertThat((String) rows.rows("SELECT detail FROM audit_event WHERE request_id = ? AND action = "
                + "'REPLY_QUEUED'", id).get(0).get("detail")).contains("outcome=COMPLETED").contains("on time: due");

        // fan-in announces at least once: a second announcement sends nothing more
        hub.bean(Replies.class).onFulfilled(id, "COMPLETED");
        assertThat(rows.rows("SELECT kind FROM outbound_message WHERE request_id = ? AND kind = 'REPLY'", id))
                .hasSize(1);
    }
}
