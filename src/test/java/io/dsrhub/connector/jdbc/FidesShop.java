package io.dsrhub.connector.jdbc;

import io.dsrhub.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fides' example shop database (src/test/resources/fides/postgres_sample.sql) and a data map of it: customers
 * found by e-mail, their addresses, orders and order items, payment cards and logins reached through references,
 * service requests and visits found by e-mail too. Products, employees and reports hold no personal data of
 * customers and are not mapped.
 */
final class FidesShop {

    private FidesShop() {
    }

    static void load(TestDatabase database) throws IOException, SQLException {
        String sql;
        try (InputStream in = FidesShop.class.getResourceAsStream("/fides/postgres_sample.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String dataMap(TestDatabase database) {
        return """
                id: fides-shop
                name: Fides example shop
                type: jdbc
                connection:
                  url: "%s"
                  username: %s
                  password: ""
                  schema: public
                tables:
                  - name: customer
                    primary-key: [id]
                    columns:
                      - {name: email, identity: email, categories: [user.contact.email], erase: rewrite, rewrite-value: erased@invalid}
                      - {name: name, categories: [user.name]}
                      - {name: created, categories: [user.account.history], erase: keep}
                      - name: address_id
                        references: [{field: address.id, direction: to}]
                  - name: address
                    primary-key: [id]
                    columns:
                      - {name: house, categories: [user.contact.address.street]}
                      - {name: street, categories: [user.contact.address.street]}
                      - {name: city, categories: [user.contact.address.city]}
                      - {name: state, categories: [user.contact.address.state]}
                      - {name: zip, categories: [user.contact.address.postal-code]}
                  - name: orders
                    primary-key: [id]
                    erase: delete-row
                    columns:
                      - {name: id, categories: [user.orders.number]}
                      - name: customer_id
                        references: [{field: customer.id, direction: from}]
                      - name: shipping_address_id
                        references: [{field: address.id, direction: to}]
                  - name: order_item
                    primary-key: [order_id, item_no]
                    erase: delete-row
                    columns:
                      - name: order_id
                        categories: [user.orders.number]
                        references: [{field: orders.id, direction: from}]
                      - {name: item_no, categories: [user.orders.item]}
                      - {name: quantity, categories: [user.orders.item]}
                  - name: payment_card
                    primary-key: [id]
                    columns:
                      - {name: name, categories: [user.financial.card.label]}
                      - {name: ccn, categories: [user.financial.card.number]}
                      - {name: code, categories: [user.financial.card.code]}
                      - {name: preferred, categories: [user.preferences.payment], erase: keep}
                      - name: customer_id
                        references: [{field: customer.id, direction: from}]
                      - name: billing_address_id
                        references: [{field: address.id, direction: to}]
                  - name: login
                    primary-key: [id]
                    erase: delete-row
                    columns:
                      - {name: time, categories: [user.activity.login]}
                      - name: customer_id
                        references: [{field: customer.id, direction: from}]
                  - name: service_request
                    primary-key: [id]
                    columns:
                      - {name: email, identity: email, categories: [user.contact.email], erase: keep}
                      - {name: alt_email, identity: email, categories: [user.contact.email]}
                      - {name: opened, categories: [user.support.history], erase: keep}
                      - {name: closed, categories: [user.support.history], erase: keep}
                  - name: visit
                    primary-key: [email, last_visit]
                    erase: delete-row
                    columns:
                      - {name: email, identity: email, categories: [user.contact.email]}
                      - {name: last_visit, categories: [user.activity.visit]}
                """.formatted(database.url(), database.username());
    }
}
