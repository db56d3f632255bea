package io.dsrhub.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A data map that does not fit its database, or a secret written into a system file, stops the hub at start-up
 * with the file and the key in the message.
 */
class BadFulfilmentConfigStopsStartUpTest {

    private static TestDatabase ledger;
    private static TestDatabase shop;
    private static TestMailServer mail;

    @BeforeAll
    static void start() throws Exception {
        ledger = TestDatabase.h2();
        shop = TestDatabase.h2();
        mail = new TestMailServer();
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL, name VARCHAR(8))");
        }
    }

    @AfterAll
    static void stop() {
        mail.close();
        shop.close();
        ledger.close();
    }

    private static final String POLICY = """
            controller: ironzon
            request-types:
              erasure: {action: erase, categories: [user]}
            """;

    private static String system(String columns, String password) {
        return """
                id: shop-db
                type: jdbc
                connection: {url: "%s", username: sa, password: "%s"}
                tables:
                  - name: customer
                    primary-key: [id]
                    columns:
                %s""".formatted(shop.url(), password, columns);
    }

    private static Throwable startWith(String systemFile) {
        TestFulfilment fulfilment = TestFulfilment.create().policy("ironzon", POLICY)
                .system("ironzon", "shop-db", systemFile);
        Throwable failure = null;
        try (HubInstance hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)).start()) {
            assertThat(hub).isNull();
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).as("the hub should not start").isNotNull();
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof FulfilmentConfigException)) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void aColumnTheDatabaseDoesNotHaveStopsStartUp() {
        Throwable cause = startWith(system("""
                      - {name: email, identity: email, categories: [user.contact.email], erase: keyed-hash}
                      - {name: full_name, categories: [user.name]}
                """, ""));
        assertThat(cause).isInstanceOf(FulfilmentConfigException.class)
                .hasMessageContaining("shop-db.yaml: key 'tables[0].columns[1].name'")
                .hasMessageContaining("column 'full_name' does not exist in table 'customer'");
    }

    @Test
    void aStrategyTheColumnCannotTakeStopsStartUp() {
        Throwable cause = startWith(system("""
                      - {name: email, identity: email, categories: [user.contact.email]}
                """, ""));
        assertThat(cause).hasMessageContaining("key 'tables[0].columns[0].erase'").hasMessageContaining("NOT NULL");
        Throwable tooShort = startWith(system("""
                      - {name: email, identity: email, categories: [user.contact.email], erase: keep}
                      - {name: name, categories: [user.name], erase: keyed-hash}
                """, ""));
        assertThat(tooShort).hasMessageContaining("key 'tables[0].columns[1].erase'").hasMessageContaining("keyed-hash");
    }

    @Test
    void aPasswordWrittenInTheFileStopsStartUp() {
        Throwable cause = startWith(system("""
                      - {name: email, identity: email, categories: [user.contact.email], erase: keep}
                """, "hunter2"));
        assertThat(cause).hasMessageContaining("shop-db.yaml: key 'connection.password'")
                .hasMessageContaining("environment");
    }
}
