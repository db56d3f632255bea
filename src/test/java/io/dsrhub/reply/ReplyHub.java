package io.dsrhub.reply;

import io.dsrhub.testing.HubHttp;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.SeedMailboxes;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The replies tests' hub: the {@link ReplyShop} database in PostgreSQL as the controller's one system under the
 * policy the test gives, a ledger (H2 or PostgreSQL), GreenMail, and quick schedules, started before the first test
 * of the class and stopped after the last.
 */
final class ReplyHub implements BeforeAllCallback, AfterAllCallback {

    private final TestDatabase.Kind ledgerKind;
    private final String controller;
    private final String policyRules;
    private boolean seedMailboxes;
    private UnaryOperator<HubInstance.Builder> configuration = b -> b;
    private TestDatabase shop;
    private TestDatabase ledger;
    private TestMailServer mail;
    private HubInstance hub;
    private TestRequests requests;
    private LedgerRows rows;

    private ReplyHub(TestDatabase.Kind ledgerKind, String controller, String policyRules) {
        this.ledgerKind = ledgerKind;
        this.controller = controller;
        this.policyRules = policyRules;
    }

    static ReplyHub on(TestDatabase.Kind ledgerKind, String controller, String policyRules) {
        return new ReplyHub(ledgerKind, controller, policyRules);
    }

    /** Further settings of the hub (properties, a clock). */
    ReplyHub configure(UnaryOperator<HubInstance.Builder> configuration) {
        this.configuration = configuration;
        return this;
    }

    /** The controllers' mailboxes live in GreenMail and are polled (for tests of mail coming back). */
    ReplyHub withSeedMailboxes() {
        this.seedMailboxes = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        shop = TestDatabase.postgresql();
        ReplyShop.load(shop);
        ledger = TestDatabase.create(ledgerKind);
        mail = new TestMailServer();
        HubInstance.Builder builder = seedMailboxes ? SeedMailboxes.on(mail, HubInstance.builder().database(ledger))
                : HubInstance.builder().database(ledger).mail(mail);
        builder.property("dsr.outbox.poll-delay", "100")
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.fulfilment.announce-delay", "100")
                .property("dsr.tasks.poll-delay", "100");
        hub = ReplyShop.fulfilment(shop, controller, policyRules).applyTo(configuration.apply(builder)).start();
        requests = new TestRequests(hub);
        rows = new LedgerRows(ledger.dataSource());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (hub != null) {
            hub.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (shop != null) {
            shop.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    HubInstance instance() {
        return hub;
    }

    HubHttp http() {
        return hub.http();
    }

    <T> T bean(Class<T> type) {
        return hub.bean(type);
    }

    TestMailServer mail() {
        return mail;
    }

    TestDatabase shop() {
        return shop;
    }

    TestRequests requests() {
        return requests;
    }

    LedgerRows rows() {
        return rows;
    }
}
