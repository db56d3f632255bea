package io.dsrhub.ops;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.mailbox.InboundMessages;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.security.BearerToken;
import io.dsrhub.web.StatusView;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;

/** The operator API and the ledger's metrics. */
@Configuration
public class OpsConfiguration {

    @BindToRegistry(value = "adminAccess", lazy = true)
    public AdminAccess adminAccess(BearerToken adminToken) {
        return new AdminAccess(adminToken);
    }

    @BindToRegistry(value = "adminApi", lazy = true)
    public AdminApi adminApi(RequestLedger ledger, TaskLedger tasks, AuditTrail audit, Outbox outbox,
            ControllerCatalogue controllers, StatusView view, LedgerTransactions tx, InboundMessages inbound) {
        return new AdminApi(ledger, tasks, audit, outbox, controllers, view, tx, inbound);
    }

    @BindToRegistry(value = "ledgerGauges", lazy = true)
    public LedgerGauges ledgerGauges(RequestLedger ledger, Outbox outbox, CamelContext context) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            throw new IllegalStateException("no Micrometer registry: is camel.metrics.enabled=true?");
        }
        return new LedgerGauges(ledger, outbox, registry);
    }
}
