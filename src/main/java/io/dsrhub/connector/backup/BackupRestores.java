package io.dsrhub.connector.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.connector.TaskOutcome;
import io.dsrhub.connector.TaskReport;
import io.dsrhub.connector.TaskWork;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.fulfilment.TargetSystem;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ops.AdminAccess;
import io.dsrhub.web.HttpAnswers;
import io.dsrhub.web.HttpProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a backup was restored into its live system, {@code POST /api/v1/admin/backups/{system}/reapply} erases
 * again every subject in the backup system's suppression ledger whose backups have not all aged out: the live
 * system's own erasure runs with the identities, categories and retention terms of the original erasure. Each entry
 * re-applied is audited on its request under the operator's name.
 */
public final class BackupRestores {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRestores.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FulfilmentCatalogue catalogue;
    private final ControllerCatalogue controllers;
    private final SuppressionLedger suppression;
    private final AuditTrail audit;
    private final LedgerTransactions tx;
    private final Clock clock;

    public BackupRestores(FulfilmentCatalogue catalogue, ControllerCatalogue controllers,
            SuppressionLedger suppression, AuditTrail audit, LedgerTransactions tx, Clock clock) {
        this.catalogue = catalogue;
        this.controllers = controllers;
        this.suppression = suppression;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public void reapply(Exchange exchange) throws Exception {
        String systemId = exchange.getIn().getHeader("system", String.class);
        TargetSystem backup = systemId == null ? null : catalogue.system(systemId)
                .filter(s -> s.connector() instanceof BackupConnector).orElse(null);
        if (backup == null) {
            throw new HttpProblem(404, "no backup system with this id");
        }
        String operator = exchange.getProperty(AdminAccess.OPERATOR, "operator", String.class);
        ObjectNode answer = reapply(backup, operator);
        HttpAnswers.json(exchange, 200, answer.toString());
    }

    /** Re-applies every live entry of a backup system; returns what was done (counts, request ids). */
    public ObjectNode reapply(TargetSystem backup, String actor) throws Exception {
        BackupConnector connector = (BackupConnector) backup.connector();
        TargetSystem live = catalogue.system(connector.restoresInto()).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(controllers.require(backup.controllerId()).timeZone()));
        List<SuppressionLedger.Entry> entries = suppression.live(backup.id(), today);
        int rows = 0;
        ObjectNode answer = JSON.createObjectNode();
        var applied = answer.putArray("requests");
        for (SuppressionLedger.Entry entry : entries) {
            TaskWork work = new TaskWork(entry.taskId(), entry.requestId(), backup.controllerId(), live.id(),
                    TaskAction.ERASE, entry.identities(), new DataCategories(entry.categories()), entry.retention(),
                    today, List.of());
            TaskOutcome outcome = live.connector().run(work);
            int erased = erasedRows(outcome.report());
            rows += erased;
            tx.run(() -> {
                suppression.applied(entry.id());
                audit.record(entry.requestId(), actor, "BACKUP_SUPPRESSION_REAPPLIED", "backup=" + backup.id()
                        + " live=" + live.id() + " entry=" + entry.id() + " rows=" + erased);
            });
            applied.addObject().put("request", entry.requestId()).put("entry", entry.id()).put("erased", erased);
        }
        LOG.info("suppression of {} re-applied to {}: {} entries, {} rows erased", backup.id(), live.id(),
                entries.size(), rows);
        answer.put("system", backup.id()).put("restoresInto", live.id()).put("entries", entries.size())
                .put("erased", rows);
        return answer;
    }

    /**
     * Forgets suppression entries whose backups have all aged out (run by {@code forget-aged-out-suppressions}).
     * A day of margin is kept for time zones: an entry goes the day after its date has passed everywhere.
     */
    public int forgetAgedOut() {
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)).minusDays(1);
        int forgotten = suppression.forgetAgedOut(today);
        if (forgotten > 0) {
            LOG.info("{} suppression entries forgotten: their backups have aged out", forgotten);
        }
        return forgotten;
    }

    private static int erasedRows(TaskReport report) {
        if (report == null || report.tables() == null) {
            return 0;
        }
        return report.tables().stream().mapToInt(TaskReport.TableReport::erased).sum();
    }
}
