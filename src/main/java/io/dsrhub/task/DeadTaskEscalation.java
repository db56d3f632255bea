package io.dsrhub.task;

import io.dsrhub.controller.Controller;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.reply.RenderedMail;
import io.dsrhub.reply.Templates;
import java.util.HashMap;
import java.util.Map;

/**
 * A dead task is escalated: an audit event, and a message to the controller's privacy officer through the outbox,
 * in the transaction that kills the task. The message names the request, system and action, never the subject's
 * data or the raw error (which stays in the ledger for the operator).
 */
public final class DeadTaskEscalation {

    public static final String KIND = "TASK_DEAD";
    static final String TEMPLATE = "mail/task-dead.ftl";

    private final Templates templates;
    private final Outbox outbox;
    private final AuditTrail audit;

    public DeadTaskEscalation(Templates templates, Outbox outbox, AuditTrail audit) {
        this.templates = templates;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Call inside the transaction that kills the task. */
    public void escalate(TaskRecord task, SubjectRequest request, Controller controller, String reason) {
        audit.record(request.id(), "task-engine", "TASK_DEAD", "task=" + task.id() + " system=" + task.systemId()
                + " action=" + task.action() + " attempts=" + task.attempts() + " reason=" + reason);
        Map<String, Object> model = new HashMap<>();
        model.put("reference", request.reference());
        model.put("requestId", request.id());
        model.put("taskId", task.id());
        model.put("controllerName", controller.name());
        model.put("system", task.systemId());
        model.put("action", task.action());
        model.put("attempts", task.attempts());
        model.put("reason", reason);
        model.put("dueOn", request.dueAt() == null ? "not set" : request.dueAt().atZone(controller.timeZone())
                .toLocalDate().toString());
        RenderedMail mail = RenderedMail.parse(templates.render(TEMPLATE, controller.id(), "en", model), TEMPLATE);
        String officer = controller.contact().privacyOfficer() != null ? controller.contact().privacyOfficer()
                : controller.contact().email();
        outbox.enqueue(request.id(), KIND, controller.contact().email(), officer, mail.subject(), mail.body(), null);
    }
}
