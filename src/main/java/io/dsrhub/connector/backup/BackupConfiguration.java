package io.dsrhub.connector.backup;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Backup stores: the suppression ledger and the re-apply after a restore. */
@Configuration
public class BackupConfiguration {

    @BindToRegistry(value = "suppressionLedger", lazy = true)
    public SuppressionLedger suppressionLedger(JdbcClient jdbc, Clock clock) {
        return new SuppressionLedger(jdbc, clock);
    }

    @BindToRegistry(value = "backupRestores", lazy = true)
    public BackupRestores backupRestores(FulfilmentCatalogue catalogue, ControllerCatalogue controllers,
            SuppressionLedger suppression, AuditTrail audit, LedgerTransactions tx, Clock clock) {
        return new BackupRestores(catalogue, controllers, suppression, audit, tx, clock);
    }
}
