package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rectification and restriction at iSocket, asked in Finnish: the restriction marks the customer row, the correction
 * is done by a person (the request carries no structured corrections) and recorded through the operator API. The
 * reply, in Finnish, confirms what was changed in which system, with the operator's note.
 */
class ConfirmationReplyTest {

    @RegisterExtension
    static final ReplyHub hub = ReplyHub.on(TestDatabase.Kind.H2, "isocket", """
                        request-types:
                          rectification: {action: rectify, categories: [user.contact, user.name]}
                          restriction: {action: restrict, categories: [user.contact]}
                        retention:
                          - {rule: bookkeeping, categories: [user.orders, user.financial]}
                          - {rule: contract-performance, categories: [user.contract]}
                        """);

    @Test
    void theReplySaysWhatChangedWhere() throws Exception {
        TestRequests requests = hub.requests();
        String id = hub.requests().submitVerified("""
                {"controller": "isocket", "types": ["rectification", "restriction"], "language": "fi",
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        hub.requests().awaitStatus(id, RequestStatus.AWAITING_MANUAL);
        TaskRecord rectify = hub.requests().task(id, "web-shop", "rectify");
        assertThat(rectify.status()).isEqualTo(TaskStatus.MANUAL_PENDING);
        assertThat(hub.http().postJson("/api/v1/admin/tasks/" + rectify.id() + "/complete",
                "{\"outcome\": \"done\", \"note\": \"puhelinnumero korjattu\"}",
                "Authorization", "Bearer " + HubInstance.ADMIN_TOKEN, "X-Operator", "Ana").statusCode())
                .isEqualTo(200);
        hub.requests().awaitStatus(id, RequestStatus.COMPLETED);

        String body = ReplyMails.text(ReplyMails.await(hub.mail(), "pat@example.com", "Tietosuojapyyntösi on käsitelty"));
        assertThat(body).contains("Olemme käsitelleet pyyntösi " + hub.requests().request(id).reference())
                .contains("MITÄ MUUTIMME")
                .contains("Korjattu järjestelmissä:\n  - Web shop (completed by operator:Ana: puhelinnumero korjattu)")
                .contains("Käsittelyä rajoitettu järjestelmissä:\n  - Web shop")
                .contains("Tietosuojatiimi, iSocket Systems Ltd")
                .doesNotContain("Pat Example");
        try (Connection c = hub.shop().dataSource().getConnection(); Statement st = c.createStatement()) {
            ResultSet restricted = st.executeQuery("SELECT processing_restricted FROM customer WHERE id = 1");
            restricted.next();
            assertThat(restricted.getBoolean(1)).isTrue();
        }
    }
}
