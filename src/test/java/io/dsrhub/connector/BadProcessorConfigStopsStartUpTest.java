package io.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.fulfilment.FulfilmentConfigException;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A processor, backup or manual system file that cannot work stops the hub at start-up, naming the file and the
 * key: an API key written into the file, a find call without an identity, a notice to a processor the controller
 * does not name, a backup restored into a system that is not a database, an OpenDSR URL without its version, a
 * manual system without an owner.
 */
class BadProcessorConfigStopsStartUpTest {

    private static TestDatabase ledger;
    private static TestMailServer mail;

    @BeforeAll
    static void start() {
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
    }

    @AfterAll
    static void stop() {
        mail.close();
        ledger.close();
    }

    private static final String POLICY = """
            controller: isocket
            request-types:
              erasure: {action: erase, categories: [user]}
            retention:
              - {rule: bookkeeping, categories: [user.orders]}
              - {rule: contract-performance, categories: [user.contract]}
            """;

    private static FulfilmentConfigException startWith(String systemId, String systemFile) {
        TestFulfilment fulfilment = TestFulfilment.create().policy("isocket", POLICY)
                .system("isocket", systemId, systemFile);
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
        assertThat(root).isInstanceOf(FulfilmentConfigException.class);
        return (FulfilmentConfigException) root;
    }

    @Test
    void anApiKeyWrittenIntoTheFileStopsStartUp() {
        assertThat(startWith("stripe", """
                id: stripe
                type: http
                preset: stripe
                api-key: sk_live_written_in_the_file
                categories: [user.financial]
                """).getMessage()).contains("stripe.yaml").contains("api-key").contains("environment");
    }

    @Test
    void aFindCallWithoutAnIdentityPlaceholderStopsStartUp() {
        assertThat(startWith("billing", """
                id: billing
                type: http
                base-url: "https://billing.example"
                categories: [user.financial]
                find: {kind: account, url: "/accounts/{id}"}
                """).getMessage()).contains("billing.yaml").contains("find.url").contains("identity placeholder");
    }

    @Test
    void aNoticeToAProcessorTheControllerDoesNotNameStopsStartUp() {
        assertThat(startWith("klarna", """
                id: klarna
                type: notice
                processor: Klarna
                contact: privacy@klarna.example
                identifiers: [order-number]
                categories: [user.financial]
                """).getMessage()).contains("klarna.yaml").contains("processor").contains("PayPal");
    }

    @Test
    void aBackupRestoredIntoAnUnknownSystemStopsStartUp() {
        assertThat(startWith("shop-backups", """
                id: shop-backups
                type: backup
                restores-into: shop-db
                categories: [user]
                sets: [{id: daily, every: P1D, retention: P35D}]
                """).getMessage()).contains("shop-backups.yaml").contains("restores-into").contains("database");
    }

    @Test
    void anOpenDsrUrlWithoutItsVersionStopsStartUp() {
        assertThat(startWith("analytics", """
                id: analytics
                type: opendsr
                api-url: "https://opendsr.analytics.example"
                processor-domain: opendsr.analytics.example
                certificate: /nowhere.pem
                categories: [user.behavior]
                """).getMessage()).contains("analytics.yaml").contains("api-url").contains("major version");
    }

    @Test
    void aManualSystemWithoutAnOwnerStopsStartUp() {
        assertThat(startWith("legacy-crm", """
                id: legacy-crm
                type: manual
                instructions: Delete the contact.
                categories: [user.contact]
                """).getMessage()).contains("legacy-crm.yaml").contains("owner");
    }
}
