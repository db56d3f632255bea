package io.dsrhub.fulfilment;

import io.dsrhub.HubProfile;
import io.dsrhub.embedded.DemoSystems;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.TaskLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the routes start: loads the fulfilment catalogue (a bad file stops the hub, naming file and key), seeds
 * the embedded profile's demo databases, checks every database system's data map against its metadata and makes
 * the systems' gate rows. Bucket systems are seeded (embedded profile) and checked once the whole hub has started,
 * since the embedded object store is another service.
 */
final class FulfilmentStartup extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(FulfilmentStartup.class);

    private final CamelContext context;

    FulfilmentStartup(CamelContext context) {
        this.context = context;
    }

    @Override
    protected void doStart() throws Exception {
        FulfilmentCatalogue catalogue = context.getRegistry().findSingleByType(FulfilmentCatalogue.class);
        HubProfile profile = context.getRegistry().findSingleByType(HubProfile.class);
        DemoSystems demo = new DemoSystems(context.getRegistry().findSingleByType(io.dsrhub.storage.HubBuckets.class));
        if (!profile.isProduction()) {
            demo.seedDatabases(catalogue);
        }
        catalogue.verifyDatabases();
        LedgerTransactions tx = context.getRegistry().findSingleByType(LedgerTransactions.class);
        TaskLedger tasks = context.getRegistry().findSingleByType(TaskLedger.class);
        tx.run(() -> tasks.ensureGates(catalogue.all().stream().map(TargetSystem::id).toList()));
        context.addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // wait until everything, the embedded object store included, has started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                try {
                    if (!profile.isProduction()) {
                        demo.seedBuckets(catalogue);
                    }
                    catalogue.verifyBuckets();
                } catch (RuntimeException e) {
                    LOG.error("bucket systems could not be prepared: {}", e.getMessage());
                }
            }
        });
    }
}
