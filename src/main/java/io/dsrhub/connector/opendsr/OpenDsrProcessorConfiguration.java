package io.dsrhub.connector.opendsr;

import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.web.RequestBodies;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.springframework.jdbc.core.simple.JdbcClient;

/** OpenDSR processors the hub sends requests to: their ledger and the callback endpoint. */
@Configuration
public class OpenDsrProcessorConfiguration {

    @BindToRegistry(value = "openDsrExchanges", lazy = true)
    public OpenDsrExchanges openDsrExchanges(JdbcClient jdbc, Clock clock) {
        return new OpenDsrExchanges(jdbc, clock);
    }

    @BindToRegistry(value = "processorCallbacks", lazy = true)
    public ProcessorCallbacks processorCallbacks(FulfilmentCatalogue catalogue, OpenDsrExchanges exchanges,
            TaskLedger tasks, AuditTrail audit, LedgerTransactions tx, RequestBodies bodies, Clock clock,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        return new ProcessorCallbacks(catalogue, exchanges, tasks, audit, tx, bodies, clock, publicBaseUrl);
    }
}
