package io.dsrhub.connector.manual;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.fulfilment.TargetSystem;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.ledger.Timestamps;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.reply.RenderedMail;
import io.dsrhub.reply.Templates;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks after the manual tasks of systems with no connector (run by {@code track-manual-tasks}): a new task is
 * given to the system's owner with the instructions and a due time; the owner is reminded {@code remind-before}
 * the due time; a task still open at its due time is escalated to the controller's privacy officer. Each step is
 * a conditional update of {@code manual_task_tracking} in the transaction that writes its mail to the outbox, so
 * several hub instances send each mail once.
 */
public final class ManualTasks {

    static final String ASSIGNED = "mail/manual-task-assigned.ftl";
    static final String REMINDER = "mail/manual-task-reminder.ftl";
    static final String LATE = "mail/manual-task-late.ftl";

    private final JdbcClient jdbc;
    private final FulfilmentCatalogue catalogue;
    private final ControllerCatalogue controllers;
    private final RequestLedger requests;
    private final TaskLedger tasks;
    private final Outbox outbox;
    private final Templates templates;
    private final AuditTrail audit;
    private final LedgerTransactions tx;
    private final Clock clock;

    public ManualTasks(JdbcClient jdbc, FulfilmentCatalogue catalogue, ControllerCatalogue controllers,
            RequestLedger requests, TaskLedger tasks, Outbox outbox, Templates templates, AuditTrail audit,
            LedgerTransactions tx, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.controllers = controllers;
        this.requests = requests;
        this.tasks = tasks;
        this.outbox = outbox;
        this.templates = templates;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** One round: assigns new tasks, reminds owners, escalates late tasks. Returns the mails written. */
    public int track() {
        Map<String, TargetSystem> manual = new HashMap<>();
        for (TargetSystem system : catalogue.all()) {
            if (system.connector() instanceof ManualConnector) {
                manual.put(system.id(), system);
            }
        }
        if (manual.isEmpty()) {
            return 0;
        }
        int mails = 0;
        List<Long> fresh = jdbc.sql("SELECT t.id FROM request_task t WHERE t.status = 'MANUAL_PENDING' AND "
                        + "t.system_id IN (:systems) AND NOT EXISTS (SELECT 1 FROM manual_task_tracking m WHERE "
                        + "m.task_id = t.id) ORDER BY t.id LIMIT 100")
                .param("systems", List.copyOf(manual.keySet())).query(Long.class).list();
        for (long id : fresh) {
            mails += assign(id, manual) ? 1 : 0;
        }
        Instant now = clock.instant();
        List<Map<String, Object>> open = jdbc.sql("SELECT m.task_id, m.due_at, m.reminded_at, m.escalated_at FROM "
                        + "manual_task_tracking m JOIN request_task t ON t.id = m.task_id WHERE t.status = "
                        + "'MANUAL_PENDING' AND (m.reminded_at IS NULL OR m.escalated_at IS NULL) ORDER BY m.due_at "
                        + "LIMIT 500")
                .query().listOfRows();
        for (Map<String, Object> row : open) {
            long id = ((Number) row.get("task_id")).longValue();
            TaskRecord task = tasks.find(id).orElseThrow();
            TargetSystem system = manual.get(task.systemId());
            if (system == null) {
                continue;
            }
            ManualConnector connector = (ManualConnector) system.connector();
            Instant due = instant(row.get("due_at"));
            if (row.get("escalated_at") == null && !now.isBefore(due)) {
                mails += escalate(task, due) ? 1 : 0;
            } else if (row.get("reminded_at") == null && !now.isBefore(due.minus(connector.remindBefore()))) {
                mails += remind(task, connector, due) ? 1 : 0;
            }
        }
        return mails;
    }

    private boolean assign(long taskId, Map<String, TargetSystem> manual) {
        return tx.inTransaction(() -> {
            TaskRecord task = tasks.find(taskId).orElseThrow();
            ManualConnector connector = (ManualConnector) manual.get(task.systemId()).connector();
            Instant now = clock.instant();
            Instant due = now.plus(connector.dueIn());
            int inserted = jdbc.sql("INSERT INTO manual_task_tracking (task_id, owner, due_at, assigned_at) "
                            + "SELECT :t, :o, :due, :now WHERE NOT EXISTS (SELECT 1 FROM manual_task_tracking "
                            + "WHERE task_id = :t)")
                    .param("t", taskId).param("o", connector.owner()).param("due", Timestamps.toDb(due))
                    .param("now", Timestamps.toDb(now)).update();
            if (inserted == 0) {
                return false;
            }
            mail(task, ASSIGNED, connector.owner(), connector, due, "MANUAL_TASK_ASSIGNED");
            return true;
        });
    }

    private boolean remind(TaskRecord task, ManualConnector connector, Instant due) {
        return tx.inTransaction(() -> {
            if (jdbc.sql("UPDATE manual_task_tracking SET reminded_at = :now WHERE task_id = :t AND reminded_at "
                    + "IS NULL").param("now", Timestamps.toDb(clock.instant())).param("t", task.id()).update() == 0) {
                return false;
            }
            mail(task, REMINDER, connector.owner(), connector, due, "MANUAL_TASK_REMINDED");
            return true;
        });
    }

    private boolean escalate(TaskRecord task, Instant due) {
        return tx.inTransaction(() -> {
            if (jdbc.sql("UPDATE manual_task_tracking SET escalated_at = :now, reminded_at = COALESCE(reminded_at, "
                    + ":now) WHERE task_id = :t AND escalated_at IS NULL").param("now",
                    Timestamps.toDb(clock.instant())).param("t", task.id()).update() == 0) {
                return false;
            }
            SubjectRequest request = requests.find(task.requestId()).orElseThrow();
            Controller controller = controllers.require(request.controllerId());
            String officer = controller.contact().privacyOfficer() != null ? controller.contact().privacyOfficer()
                    : controller.contact().email();
            TargetSystem system = catalogue.system(task.systemId()).orElseThrow();
            mail(task, LATE, officer, (ManualConnector) system.connector(), due, "MANUAL_TASK_LATE");
            return true;
        });
    }

    private void mail(TaskRecord task, String template, String to, ManualConnector connector, Instant due,
            String event) {
        SubjectRequest request = requests.find(task.requestId()).orElseThrow();
        Controller controller = controllers.require(request.controllerId());
        Map<String, Object> model = new HashMap<>();
        model.put("reference", request.reference());
        model.put("requestId", request.id());
        model.put("taskId", task.id());
        model.put("controllerName", controller.name());
        model.put("system", task.systemId());
        model.put("action", task.action());
        model.put("owner", connector.owner());
        model.put("instructions", connector.instructions());
        model.put("dueAt", due.atZone(controller.timeZone()).toLocalDateTime().withNano(0).toString().replace('T', ' ')
                + " (" + controller.timeZone().getId() + ")");
        RenderedMail mail = RenderedMail.parse(templates.render(template, controller.id(), "en", model), template);
        outbox.enqueue(request.id(), event, controller.contact().email(), to, mail.subject(), mail.body(), null);
        audit.record(request.id(), "manual-tasks", event, "task=" + task.id() + " system=" + task.systemId()
                + " due=" + due);
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected time value " + (value == null ? null : value.getClass()));
    }
}
