package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reply the outbox gives up on (every attempt failed) is not silently lost: it is audited REPLY_UNDELIVERED and the
 * controller's privacy officer gets one message naming the request (never the subject's address), once.
 */
class UndeliveredReplyEscalationTest {

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
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = ReplyShop.fulfilment(shop, "ironzon", """
                        request-types:
                          access: {action: export, categories: [user]}
                        """)
                .applyTo(HubInstance.builder().database(ledger).mail(mail)
                        .property("dsr.outbox.max-attempts", "2")
                        .property("dsr.outbox.first-retry", "PT0.2S")
                        .property("dsr.outbox.poll-delay", "100")
                        .property("dsr.reply.escalate-delay", "700")
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
    void aReplyThatCannotBeDeliveredIsEscalatedOnce() throws Exception {
        String id = requests.submit("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        ReplyMails.await(mail, "pat@example.com", "We have received");
        mail.stop();
        requests.verify(id);
        requests.awaitStatus(id, RequestStatus.COMPLETED);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> "FAILED"
                .equals(rows.rows("SELECT status FROM outbound_message WHERE request_id = ? AND kind = 'REPLY'", id)
                        .stream().findFirst().map(r -> r.get("status")).orElse(null)));
        mail.restart();

        MimeMessage escalation = ReplyMails.await(mail, "support@ironzon.com", "Reply could not be delivered");
        String reference = requests.request(id).reference();
        assertThat(escalation.getSubject()).startsWith("[" + reference + "]");
        assertThat(ReplyMails.text(escalation)).contains("REPLY").contains("2 attempt(s)")
                .contains("/api/v1/admin/requests/" + id).doesNotContain("pat@example.com");
        assertThat(rows.rows("SELECT detail FROM audit_event WHERE request_id = ? AND action = 'REPLY_UNDELIVERED'",
                id)).singleElement().satisfies(r -> assertThat((String) r.get("detail")).contains("after 2 attempts"));
        assertThat(rows.rows("SELECT escalated_at FROM request_reply WHERE request_id = ?", id).get(0)
                .get("escalated_at")).isNotNull();
        // the escalation round runs again, but the reply is escalated only once
        assertThat(hub.bean(UndeliveredReplies.class).escalate()).isZero();
        assertThat(rows.rows("SELECT id FROM outbound_message WHERE request_id = ? AND kind = 'REPLY_UNDELIVERED'",
                id)).hasSize(1);
    }
}
