package io.dsrhub.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.RequiredServers;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A MariaDB system with real foreign keys (InnoDB): erasure deletes order lines before orders (the database
 * refuses the other order), hashes the e-mail address with the hub's key and keeps other customers' rows;
 * restriction marks the subject's account; access exports the rows with the database's own types.
 */
class MariaDbSystemTest {

    private static final String HOST = System.getProperty("dsr.test.mariadb.host", "127.0.0.1");
    private static final String PORT = System.getProperty("dsr.test.mariadb.port", "3306");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String name;
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;
    private static LedgerRows shop;

    @BeforeAll
    static void start() throws Exception {
        RequiredServers.mariadb();
        name = "dsr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + HOST + ":" + PORT + "/", "root", "");
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
            st.execute("USE " + name);
            st.execute("CREATE TABLE Customers (Id INT PRIMARY KEY, Email VARCHAR(120) NOT NULL, "
                    + "FullName VARCHAR(100), Restricted TINYINT(1) NOT NULL DEFAULT 0) ENGINE=InnoDB");
            st.execute("CREATE TABLE Orders (OrderNo VARCHAR(20) PRIMARY KEY, CustomerId INT NOT NULL, "
                    + "PlacedOn DATE NOT NULL, FOREIGN KEY (CustomerId) REFERENCES Customers (Id)) ENGINE=InnoDB");
            st.execute("CREATE TABLE OrderLines (OrderNo VARCHAR(20) NOT NULL, LineNo INT NOT NULL, "
                    + "Product VARCHAR(50), PRIMARY KEY (OrderNo, LineNo), "
                    + "FOREIGN KEY (OrderNo) REFERENCES Orders (OrderNo)) ENGINE=InnoDB");
            st.execute("INSERT INTO Customers (Id, Email, FullName) VALUES (1, 'Mia.Nieminen@Example.fi', 'Mia Nieminen'), "
                    + "(2, 'other@example.fi', 'Other Person'), (3, 'restrict.me@example.fi', 'Rae Stricter')");
            st.execute("INSERT INTO Orders VALUES ('M-1', 1, '2024-03-01'), ('M-2', 1, '2024-04-01'), "
                    + "('O-1', 2, '2024-05-01')");
            st.execute("INSERT INTO OrderLines VALUES ('M-1', 1, 'Socket'), ('M-1', 2, 'Cable'), "
                    + "('M-2', 1, 'Alarm'), ('O-1', 1, 'Socket')");
        }
        MariaDbDataSource source = new MariaDbDataSource("jdbc:mariadb://" + HOST + ":" + PORT + "/" + name);
        source.setUser("root");
        source.setPassword("");
        shop = new LedgerRows(source);
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("isocket", """
                        controller: isocket
                        request-types:
                          access: {action: export, categories: [user]}
                          erasure: {action: erase, categories: [user]}
                          restriction: {action: restrict, categories: [user]}
                        retention:
                          - {rule: bookkeeping, categories: [user.bookkeeping]}
                          - {rule: contract-performance, categories: [user.contract]}
                        """)
                .system("isocket", "web-shop", """
                        id: web-shop
                        type: jdbc
                        connection:
                          url: "jdbc:mariadb://%s:%s/%s"
                          username: root
                          password: "{{env:TEST_MARIADB_PASSWORD:}}"
                        tables:
                          - name: customers
                            primary-key: [id]
                            restrict: {column: restricted, value: true}
                            columns:
                              - {name: email, identity: email, categories: [user.contact.email], erase: keyed-hash}
                              - {name: fullname, categories: [user.name]}
                          - name: orders
                            primary-key: [orderno]
                            erase: delete-row
                            columns:
                              - {name: orderno, categories: [user.orders.number]}
                              - {name: placedon, categories: [user.orders.date]}
                              - name: customerid
                                references: [{field: customers.id, direction: from}]
                          - name: orderlines
                            primary-key: [orderno, lineno]
                            erase: delete-row
                            columns:
                              - name: orderno
                                references: [{field: orders.orderno, direction: from}]
                              - {name: product, categories: [user.orders.item]}
                        """.formatted(HOST, PORT, name));
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.tasks.poll-delay", "100")
                .property("dsr.fulfilment.hash-key", "test-erasure-hash-key-0123456789")).start();
        requests = new TestRequests(hub);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
            mail.close();
            ledger.close();
        }
        if (name != null) {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + HOST + ":" + PORT + "/", "root", "");
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    @Test
    void accessThenErasureExportsTheRowsAndThenErasesThemInForeignKeyOrder() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "isocket", "types": ["access", "erasure"],
                 "identities": [{"type": "email", "value": "mia.nieminen@example.fi"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        var export = requests.task(id, "web-shop", "export");
        var erase = requests.task(id, "web-shop", "erase");
        assertThat(export.status()).isEqualTo(TaskStatus.DONE);
        assertThat(erase.status()).isEqualTo(TaskStatus.DONE);
        assertThat(export.finishedAt()).isBefore(erase.startedAt());
        assertThat(JSON.readTree(export.result()).get("tables"))
                .extracting(t -> t.get("table").asText() + "=" + t.get("exported").asInt())
                .containsExactly("customers=1", "orders=2", "orderlines=3");

        JsonNode erased = JSON.readTree(erase.result()).get("tables");
        assertThat(erased).extracting(t -> t.get("table").asText() + " " + t.get("strategy").asText() + " "
                        + t.get("erased").asInt())
                .containsExactly("orderlines delete-row 3", "orders delete-row 2", "customers update 1");
        assertThat(shop.rows("SELECT OrderNo, LineNo FROM OrderLines")).extracting(r -> r.get("OrderNo"))
                .containsExactly("O-1");
        assertThat(shop.rows("SELECT OrderNo FROM Orders")).extracting(r -> r.get("OrderNo")).containsExactly("O-1");
        var customers = shop.rows("SELECT Id, Email, FullName FROM Customers ORDER BY Id");
        assertThat(customers.get(0).get("FullName")).isNull();
        assertThat((String) customers.get(0).get("Email")).matches("[0-9a-f]{64}");
        assertThat(customers.get(1)).containsEntry("Email", "other@example.fi").containsEntry("FullName", "Other Person");
    }

    @Test
    void restrictionMarksOnlyTheSubjectsAccount() {
        String id = requests.submitVerified("""
                {"controller": "isocket", "types": ["restriction"],
                 "identities": [{"type": "email", "value": "restrict.me@example.fi"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        assertThat(requests.task(id, "web-shop", "restrict").status()).isEqualTo(TaskStatus.DONE);
        assertThat(shop.rows("SELECT Id, Restricted FROM Customers ORDER BY Id"))
                .extracting(r -> r.get("Id") + "=" + r.get("Restricted"))
                .containsExactly("1=false", "2=false", "3=true");
    }
}
