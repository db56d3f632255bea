package io.dsrhub.reply;

import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A small shop in PostgreSQL for the replies tests: customers (e-mail, name, phone) and their orders (number, amount,
 * date), mapped as one system {@code web-shop} of a controller, with the policy the test gives.
 */
final class ReplyShop {

    private ReplyShop() {
    }

    static void load(TestDatabase shop) throws SQLException {
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(100), full_name VARCHAR(100), "
                    + "phone VARCHAR(30), processing_restricted BOOLEAN NOT NULL DEFAULT FALSE)");
            st.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, "
                    + "order_number VARCHAR(20), total_cents INT, ordered DATE)");
            st.execute("INSERT INTO customer (id, email, full_name, phone) VALUES (1, 'pat@example.com', 'Pat Example', "
                    + "'+358401234567'), (2, 'other@example.com', 'Other Person', '+358409999999')");
            st.execute("INSERT INTO orders VALUES (10, 1, 'ORD-1001', 2590, DATE '2024-03-01'), "
                    + "(11, 1, 'ORD-1002', 1200, DATE '2024-05-17'), (12, 2, 'ORD-2001', 9900, DATE '2024-06-01')");
        }
    }

    static TestFulfilment fulfilment(TestDatabase shop, String controller, String policyRules) {
        return TestFulfilment.create()
                .policy(controller, "controller: " + controller + "\n" + policyRules)
                .system(controller, "web-shop", """
                        id: web-shop
                        name: Web shop
                        type: jdbc
                        connection: {url: "%s", username: postgres, password: ""}
                        tables:
                          - name: customer
                            primary-key: [id]
                            erase: delete-row
                            restrict: {column: processing_restricted, value: true}
                            columns:
                              - {name: email, identity: email, categories: [user.contact.email]}
                              - {name: full_name, categories: [user.name]}
                              - {name: phone, categories: [user.contact.phone]}
                          - name: orders
                            primary-key: [id]
                            erase: delete-row
                            event-date: ordered
                            columns:
                              - name: customer_id
                                references: [{field: customer.id, direction: from}]
                              - {name: order_number, categories: [user.orders.number]}
                              - {name: total_cents, categories: [user.financial.transaction]}
                              - {name: ordered, categories: [user.orders.date]}
                        """.formatted(shop.url()));
    }
}
