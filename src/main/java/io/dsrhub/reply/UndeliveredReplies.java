package io.dsrhub.reply;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.Timestamps;
import io.dsrhub.outbox.Outbox;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reply the outbox gave up on (every attempt failed: SMTP down for hours, the address refused), or whose bounce came
 * back to the controller's mailbox (a delivery report quoting the reply's Message-ID, which mail intake keeps on the
 * request as automated mail), is escalated once: an audit event {@code REPLY_UNDELIVERED} or {@code REPLY_BOUNCED}
 * and a message to the controller's privacy officer naming the request reference, never the subject's address or the
 * raw error (both stay in the ledger for the operator). Run by
 * {@code escalate-undelivered-replies}; safe on several instances (the escalation is claimed with a conditional
 * update).
 */
public final class UndeliveredReplies {

    public static final String KIND = "REPLY_UNDELIVERED";
    private static final List<String> KINDS = List.of(Replies.KIND, Replies.PASSWORD_KIND);
    static final String TEMPLATE = "mail/reply-undelivered.ftl";
    private static final Logger LOG = LoggerFactory.getLogger(UndeliveredReplies.class);

    private final JdbcClient jdbc;
    private final RequestLedger requests;
    private final ControllerCatalogue controllers;
    private final Templates templates;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final LedgerTransactions tx;
    private final Clock clock;
    private final String publicBaseUrl;

    record Failed(String requestId, long messageId, String kind, int attempts, String problem) {
    }

    /** A delivery report that came back to the controller's mailbox and quotes a reply's Message-ID. */
    record Bounce(String requestId, long messageId, String kind, String mimeId, long inboundId, String reason,
            String text) {
    }

    public UndeliveredReplies(JdbcClient jdbc, RequestLedger requests, ControllerCatalogue controllers,
            Templates templates, Outbox outbox, AuditTrail audit, LedgerTransactions tx, Clock clock,
            String publicBaseUrl) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.controllers = controllers;
        this.templates = templates;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /**
     * Escalates every reply not escalated yet that the outbox gave up on, or whose delivery report (a bounce) came
     * back to the controller's mailbox; returns how many.
     */
    public int escalate() {
        List<Failed> failed = new java.util.ArrayList<>(jdbc.sql("SELECT r.request_id, m.id, m.kind, m.attempts "
                        + "FROM request_reply r JOIN outbound_message m ON m.request_id = r.request_id "
                        + "WHERE r.escalated_at IS NULL AND m.status = 'FAILED' AND m.kind IN (:kinds) ORDER BY m.id "
                        + "LIMIT 50")
                .param("kinds", KINDS)
                .query((rs, n) -> new Failed(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        "failed after " + rs.getInt(4) + " attempts")).list());
        // bounces: the mailbox intake keeps delivery reports on the request they quote (outcome IGNORED, with why);
        // quoting the reply's own Message-ID is what ties a report to the reply (the mail server's received time has
        // whole seconds only, so it cannot be compared with the reply's creation)
        jdbc.sql("SELECT r.request_id, m.id, m.kind, m.message_id, i.id, i.reason, i.body_text FROM request_reply r "
                        + "JOIN outbound_message m ON m.request_id = r.request_id AND m.kind IN (:kinds) "
                        + "JOIN inbound_message i ON i.request_id = r.request_id WHERE r.escalated_at IS NULL "
                        + "AND i.outcome = 'IGNORED' AND (i.reason LIKE 'delivery%' OR i.reason LIKE 'null sender%' "
                        + "OR i.reason LIKE 'sent by a mail server%') "
                        + "ORDER BY i.id LIMIT 50")
                .param("kinds", KINDS)
                .query((rs, n) -> new Bounce(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7))).list().stream()
                .filter(b -> b.text() != null && b.text().contains(b.mimeId()))
                .forEach(b -> failed.add(new Failed(b.requestId(), b.messageId(), b.kind(), 0,
                        "bounced: inbound " + b.inboundId() + " (" + b.reason() + ")")));
        int escalated = 0;
        for (Failed one : failed) {
            boolean done = tx.inTransaction(() -> {
                int won = jdbc.sql("UPDATE request_reply SET escalated_at = :now WHERE request_id = :id "
                                + "AND escalated_at IS NULL")
                        .param("now", Timestamps.toDb(clock.instant())).param("id", one.requestId()).update();
                if (won == 0) {
                    return false;
                }
                SubjectRequest request = requests.find(one.requestId()).orElseThrow();
                Controller controller = controllers.require(request.controllerId());
                boolean bounced = one.problem().startsWith("bounced");
                audit.record(request.id(), "replies", bounced ? "REPLY_BOUNCED" : "REPLY_UNDELIVERED", one.kind()
                        + " message " + one.messageId() + " " + one.problem() + "; escalated to the privacy officer");
                Map<String, Object> model = new HashMap<>();
                model.put("reference", request.reference());
                model.put("requestId", request.id());
                model.put("controllerName", controller.name());
                model.put("kind", one.kind());
                model.put("attempts", one.attempts());
                model.put("bounced", bounced);
                model.put("adminUrl", publicBaseUrl + "/api/v1/admin/requests/" + request.id());
                RenderedMail mail = RenderedMail.parse(templates.render(TEMPLATE, controller.id(), "en", model),
                        TEMPLATE);
                String officer = controller.contact().privacyOfficer() != null ? controller.contact().privacyOfficer()
                        : controller.contact().email();
                outbox.enqueue(request.id(), KIND, controller.contact().email(), officer, mail.subject(), mail.body(),
                        null);
                return true;
            });
            if (done) {
                LOG.warn("reply of request {} could not be delivered; escalated", one.requestId());
                escalated++;
            }
        }
        return escalated;
    }
}
