package io.dsrhub.connector.manual;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.reply.Templates;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Manual tasks of systems with no connector: assignment, reminders and escalation. */
@Configuration
public class ManualConfiguration {

    @BindToRegistry(value = "manualTasks", lazy = true)
    public ManualTasks manualTasks(JdbcClient jdbc, FulfilmentCatalogue catalogue, ControllerCatalogue controllers,
            RequestLedger requests, TaskLedger tasks, Outbox outbox, Templates templates, AuditTrail audit,
            LedgerTransactions tx, Clock clock) {
        return new ManualTasks(jdbc, catalogue, controllers, requests, tasks, outbox, templates, audit, tx, clock);
    }
}
