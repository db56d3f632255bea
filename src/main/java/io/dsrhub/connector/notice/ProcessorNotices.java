package io.dsrhub.connector.notice;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.reply.RenderedMail;
import io.dsrhub.reply.Templates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the notice (and reminders) to a processor's privacy contact through the outbox, in the transaction that
 * records it in {@code processor_exchange}: the request reference, what is asked, and the identifiers the processor
 * holds. Audit lines name the system and the message, never the identifiers.
 */
public final class ProcessorNotices {

    static final String NOTICE = "mail/processor-notice.ftl";
    static final String REMINDER = "mail/processor-notice-reminder.ftl";

    private final NoticeExchanges exchanges;
    private final Outbox outbox;
    private final Templates templates;
    private final ControllerCatalogue controllers;
    private final RequestLedger requests;
    private final AuditTrail audit;
    private final LedgerTransactions tx;
    private final JdbcClient jdbc;

    public ProcessorNotices(NoticeExchanges exchanges, Outbox outbox, Templates templates,
            ControllerCatalogue controllers, RequestLedger requests, AuditTrail audit, LedgerTransactions tx,
            JdbcClient jdbc) {
        this.exchanges = exchanges;
        this.outbox = outbox;
        this.templates = templates;
        this.controllers = controllers;
        this.requests = requests;
        this.audit = audit;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    public NoticeExchanges exchanges() {
        return exchanges;
    }

    /** Sends the first notice of a task and records it, once (a retried task finds its notice). */
    void send(long taskId, String requestId, String systemId, String processor, String contact, String action,
            List<Identity> identifiers) {
        tx.run(() -> {
            if (exchanges.find(taskId).isPresent()) {
                return;
            }
            SubjectRequest request = requests.find(requestId).orElseThrow();
            Controller controller = controllers.require(request.controllerId());
            RenderedMail mail = render(NOTICE, request, controller, processor, action, identifiers, 0);
            long id = outbox.enqueue(requestId, "PROCESSOR_NOTICE", controller.contact().email(), contact,
                    mail.subject(), mail.body(), null);
            exchanges.sent(taskId, requestId, systemId, contact, messageId(id));
            audit.record(requestId, "processor-notice", "PROCESSOR_NOTIFIED", "task=" + taskId + " system="
                    + systemId + " action=" + action);
        });
    }

    /** Sends a reminder on the notice's thread. */
    void remind(NoticeExchanges.Notice notice, String processor, String action, List<Identity> identifiers) {
        tx.run(() -> {
            SubjectRequest request = requests.find(notice.requestId()).orElseThrow();
            Controller controller = controllers.require(request.controllerId());
            RenderedMail mail = render(REMINDER, request, controller, processor, action, identifiers,
                    notice.reminders() + 1);
            outbox.enqueue(notice.requestId(), "PROCESSOR_REMINDER", controller.contact().email(), notice.contact(),
                    mail.subject(), mail.body(), notice.messageId());
            exchanges.reminded(notice.taskId());
            audit.record(notice.requestId(), "processor-notice", "PROCESSOR_REMINDED", "task=" + notice.taskId()
                    + " system=" + notice.systemId() + " reminder=" + (notice.reminders() + 1));
        });
    }

    private RenderedMail render(String template, SubjectRequest request, Controller controller, String processor,
            String action, List<Identity> identifiers, int reminder) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", request.reference());
        model.put("controllerName", controller.name());
        model.put("processor", processor);
        model.put("action", action);
        model.put("reminder", reminder);
        model.put("identifiers", identifiers.stream().map(i -> Map.of("type", i.type().code(), "value", i.value()))
                .toList());
        return RenderedMail.parse(templates.render(template, controller.id(), "en", model), template);
    }

    private String messageId(long outboundId) {
        return jdbc.sql("SELECT message_id FROM outbound_message WHERE id = :id").param("id", outboundId)
                .query(String.class).single();
    }
}
