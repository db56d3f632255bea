package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mail server goes down just before a request is answered: the reply waits in the outbox, every failed attempt is
 * recorded and retried with back-off, and when the server is back the reply is delivered once, its link works, and
 * the audit trail shows it queued, then sent.
 */
class ReplyDuringSmtpOutageTest {

    private static TestDatabase ledger;
    private static TestDatabase shop;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;
    private static LedgerRows rows;

    @BeforeAll
    static void start() throws Exception {
        shop = TestDatabase.postgresql();
        ReplyShop.load(shop);
        ledger = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = ReplyShop.fulfilment(shop, "ironzon", """
                        request-types:
                          access: {action: export, categories: [user]}
                        """)
                .applyTo(HubInstance.builder().database(ledger).mail(mail)
                        .property("dsr.outbox.first-retry", "PT0.2S")
                        .property("dsr.outbox.poll-delay", "100")
                        .property("dsr.fulfilment.plan-delay", "100")
                        .property("dsr.fulfilment.announce-delay", "100")
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
    void theReplyWaitsForTheMailServerAndIsDeliveredOnce() throws Exception {
        String id = requests.submit("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        ReplyMails.await(mail, "pat@example.com", "We have received");
        mail.stop();

        requests.verify(id);
        requests.awaitStatus(id, RequestStatus.COMPLETED);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> reply = reply(id);
            return !reply.isEmpty() && "PENDING".equals(reply.get(0).get("status"))
                    && ((Number) reply.get(0).get("attempts")).intValue() >= 2 && reply.get(0).get("last_error") != null;
        });

        mail.restart();
        String body = ReplyMails.text(ReplyMails.await(mail, "pat@example.com", "Your privacy request is complete"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(reply(id).get(0).get("status")));
        assertThat(mail.messagesTo("pat@example.com").stream().map(ReplyMails::subjectOf)
                .filter(s -> s.contains("complete"))).hasSize(1);
        assertThat(ReplyMails.download(ReplyMails.link(body)).statusCode()).isEqualTo(200);
        long outbound = ((Number) reply(id).get(0).get("id")).longValue();
        assertThat(rows.rows("SELECT action, detail FROM audit_event WHERE request_id = ? AND (action = "
                + "'REPLY_QUEUED' OR detail LIKE 'REPLY %') ORDER BY seq", id))
                .extracting(r -> (String) r.get("action"))
                .containsExactly("MESSAGE_QUEUED", "REPLY_QUEUED", "MESSAGE_SENT");
        assertThat(rows.rows("SELECT outbound_id FROM request_reply WHERE request_id = ?", id).get(0)
                .get("outbound_id")).isEqualTo(outbound);
    }

    private static List<Map<String, Object>> reply(String id) {
        return rows.rows("SELECT id, status, attempts, last_error FROM outbound_message WHERE request_id = ? "
                + "AND kind = 'REPLY'", id);
    }
}
