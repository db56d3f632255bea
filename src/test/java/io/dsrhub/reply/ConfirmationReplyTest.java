package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rectification and restriction at iSocket, asked in Finnish: the restriction marks the customer row, the correction
 * is done by a person (the request carries no structured corrections) and recorded through the operator API. The
 * reply, in Finnish, confirms what was changed in which system, with the operator's note.
 */
class ConfirmationReplyTest {

    private static TestDatabase ledger;
    private static TestDatabase shop;
    private static TestMailServer mail;
    private static HubInstance hub;

    @BeforeAll
    static void start() throws Exception {
        shop = TestDatabase.postgresql();
        ReplyShop.load(shop);
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = ReplyShop.fulfilment(shop, "isocket", """
                        request-types:
                          rectification: {action: rectify, categories: [user.contact, user.name]}
                          restriction: {action: restrict, categories: [user.contact]}
                        retention:
                          - {rule: bookkeeping, categories: [user.orders, user.financial]}
                          - {rule: contract-performance, categories: [user.contract]}
                        """)
                .applyTo(HubInstance.builder().database(ledger).mail(mail)
                        .property("dsr.outbox.poll-delay", "100")
                        .property("dsr.fulfilment.plan-delay", "100")
                        .property("dsr.fulfilment.announce-delay", "100")
                        .property("dsr.tasks.poll-delay", "100")).start();
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
    void theReplySaysWhatChangedWhere() throws Exception {
        TestRequests requests = new TestRequests(hub);
        String id = requests.submitVerified("""
                {"controller": "isocket", "types": ["rectification", "restriction"], "language": "fi",
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        requests.awaitStatus(id, RequestStatus.AWAITING_MANUAL);
        TaskRecord rectify = requests.task(id, "web-shop", "rectify");
        assertThat(rectify.status()).isEqualTo(TaskStatus.MANUAL_PENDING);
        assertThat(hub.http().postJson("/api/v1/admin/tasks/" + rectify.id() + "/complete",
                "{\"outcome\": \"done\", \"note\": \"puhelinnumero korjattu\"}",
                "Authorization", "Bearer " + HubInstance.ADMIN_TOKEN, "X-Operator", "Ana").statusCode())
                .isEqualTo(200);
        requests.awaitStatus(id, RequestStatus.COMPLETED);

        String body = ReplyMails.text(ReplyMails.await(mail, "pat@example.com", "Tietosuojapyyntösi on käsitelty"));
        assertThat(body).contains("Olemme käsitelleet pyyntösi " + requests.request(id).reference())
                .contains("MITÄ MUUTIMME")
                .contains("Korjattu järjestelmissä:\n  - Web shop (completed by operator:Ana: puhelinnumero korjattu)")
                .contains("Käsittelyä rajoitettu järjestelmissä:\n  - Web shop")
                .contains("Tietosuojatiimi, iSocket Systems Ltd")
                .doesNotContain("Pat Example");
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            ResultSet restricted = st.executeQuery("SELECT processing_restricted FROM customer WHERE id = 1");
            restricted.next();
            assertThat(restricted.getBoolean(1)).isTrue();
        }
    }
}
