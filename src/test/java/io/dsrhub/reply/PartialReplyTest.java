package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One of two systems fails for good (its table was dropped): the request ends PARTIALLY_COMPLETED and the subject is
 * told what was erased, which system could not be completed (without the error), and their right to complain.
 */
class PartialReplyTest {

    private static TestDatabase ledger;
    private static TestDatabase shop;
    private static TestMailServer mail;
    private static HubInstance hub;

    @BeforeAll
    static void start() throws Exception {
        shop = TestDatabase.postgresql();
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE newsletter (id INT PRIMARY KEY, email VARCHAR(100))");
            st.execute("CREATE TABLE loyalty (id INT PRIMARY KEY, email VARCHAR(100))");
            st.execute("INSERT INTO newsletter VALUES (1, 'pat@example.com')");
            st.execute("INSERT INTO loyalty VALUES (1, 'pat@example.com')");
        }
        TestFulfilment fulfilment = TestFulfilment.create().policy("ironzon", """
                controller: ironzon
                request-types:
                  erasure: {action: erase, categories: [user]}
                """);
        for (String table : new String[] {"newsletter", "loyalty"}) {
            fulfilment.system("ironzon", table, """
                    id: %s
                    name: %s list
                    type: jdbc
                    connection: {url: "%s", username: postgres, password: ""}
                    tables:
                      - name: %s
                        primary-key: [id]
                        erase: delete-row
                        columns:
                          - {name: email, identity: email, categories: [user.contact.email]}
                    """.formatted(table, table.substring(0, 1).toUpperCase() + table.substring(1), shop.url(), table));
        }
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.fulfilment.announce-delay", "100")
                .property("dsr.outbox.poll-delay", "100")
                .property("dsr.tasks.poll-delay", "100")
                .property("dsr.tasks.max-attempts", "2")
                .property("dsr.tasks.first-retry", "PT0.2S")).start();
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE loyalty");
        }
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
    void theSubjectIsToldWhatCouldNotBeDone() {
        TestRequests requests = new TestRequests(hub);
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["erasure"], "jurisdiction": "DE",
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        requests.awaitStatus(id, Duration.ofSeconds(30), RequestStatus.PARTIALLY_COMPLETED);

        String body = ReplyMails.text(ReplyMails.await(mail, "pat@example.com", "partly complete"));
        assertThat(body).contains("What we could not complete is listed below")
                .contains("  - Newsletter list: 1 records erased")
                .contains("WHAT WE COULD NOT COMPLETE\n  - Loyalty list (erase): not completed")
                .contains("lodge a complaint with the data protection supervisory authority of your federal state")
                .doesNotContain("loyalty\" does not exist").doesNotContain("pat@example.com");
    }
}
