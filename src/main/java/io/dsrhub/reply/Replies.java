package io.dsrhub.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.RequestType;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.fulfilment.TargetSystem;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.ledger.Timestamps;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.reply.pack.PackageBuilder;
import io.dsrhub.reply.pack.PackageLinks;
import io.dsrhub.reply.pack.PackagePasswords;
import io.dsrhub.security.StatusTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reply a closed request gets, built from the ledger: when fan-in settles a request ({@code direct:request-fulfilled})
 * or an operator refuses it. The outcome is completed, partially completed or refused; the reply carries the data
 * package link (access, portability), the erasure report, the confirmations of other rights, or the ground of a
 * refusal with the right to complain, in the subject's language, from the controller's address, threaded under the
 * request's first message. It goes to the outbox in one transaction with its {@code request_reply} row (which
 * makes a second announcement of the same request a no-op) and an audit line with its timing against the due date.
 */
public final class Replies {

    public static final String KIND = "REPLY";
    public static final String PASSWORD_KIND = "PACKAGE_PASSWORD";
    public static final String REFUSED = "REFUSED";
    static final String TEMPLATE = "mail/reply.ftl";
    static final String PASSWORD_TEMPLATE = "mail/package-password.ftl";

    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<RequestType> PACKAGE_TYPES = EnumSet.of(RequestType.ACCESS, RequestType.PORTABILITY);

    private final JdbcClient jdbc;
    private final RequestLedger requests;
    private final TaskLedger tasks;
    private final ControllerCatalogue controllers;
    private final Templates templates;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final LedgerTransactions tx;
    private final PackageBuilder packages;
    private final PackageLinks links;
    private final ComplaintRights complaintRights;
    private final StatusTokens statusTokens;
    private final Clock clock;
    private final String publicBaseUrl;
    private final boolean encryptPackages;
    private final FulfilmentCatalogue catalogue;

    public Replies(FulfilmentCatalogue catalogue, JdbcClient jdbc, RequestLedger requests, TaskLedger tasks, ControllerCatalogue controllers,
            Templates templates, Outbox outbox, AuditTrail audit, LedgerTransactions tx, PackageBuilder packages,
            PackageLinks links, ComplaintRights complaintRights, StatusTokens statusTokens, Clock clock,
            String publicBaseUrl, boolean encryptPackages) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.requests = requests;
        this.tasks = tasks;
        this.controllers = controllers;
        this.templates = templates;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.packages = packages;
        this.links = links;
        this.complaintRights = complaintRights;
        this.statusTokens = statusTokens;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.encryptPackages = encryptPackages;
    }

    /**
     * Builds and queues the reply of a settled request ({@code COMPLETED} or {@code PARTIALLY_COMPLETED}). Safe to
     * call again: a request that has its reply is left alone. The package is written to the export bucket first; if
     * that fails the call fails, the announcement is not marked done and is retried.
     */
    public void onFulfilled(String requestId, String outcome) {
        if (hasReply(requestId)) {
            LOG.info("request {} already has its reply; announcement ignored", requestId);
            return;
        }
        SubjectRequest request = requests.find(requestId).orElseThrow(() ->
                new IllegalStateException("no request " + requestId));
        Controller controller = controllers.require(request.controllerId());
        ReplyFacts facts = ReplyFacts.of(tasks.forRequest(requestId));
        String language = ReplyLanguage.choose(controller, request.language(), templates, TEMPLATE);
        boolean wantsPackage = request.types().stream().anyMatch(PACKAGE_TYPES::contains)
                && !facts.exports().isEmpty();
        char[] password = wantsPackage && encryptPackages ? PackagePasswords.generate() : null;
        PackageBuilder.BuiltPackage built = wantsPackage
                ? packages.build(request, controller, facts, language, password) : null;
        tx.run(() -> {
            if (!claim(requestId, outcome, null, null, language, facts)) {
                return;
            }
            PackageLinks.StoredPackage stored = built == null ? null
                    : links.issue(requestId, built, password != null);
            Map<String, Object> model = model(request, controller, language, outcome, facts, stored, null, null);
            Long outbound = queue(request, controller, language, TEMPLATE, model, KIND);
            if (password != null && request.replyTo() != null) {
                Map<String, Object> secret = new HashMap<>(base(request, controller, language));
                secret.put("password", new String(password));
                queue(request, controller, language, PASSWORD_TEMPLATE, secret, PASSWORD_KIND);
            }
            finish(request, controller, outcome, outbound, stored);
        });
    }

    /**
     * Queues the reply of a refusal; call inside the transaction that moves the request to REJECTED. Says the
     * ground in plain words, the operator's note, and the right to complain and go to court where the regime
     * requires it.
     */
    public void refused(SubjectRequest request, Controller controller, String ground, String note) {
        String language = ReplyLanguage.choose(controller, request.language(), templates, TEMPLATE);
        ReplyFacts facts = ReplyFacts.of(tasks.forRequest(request.id()));
        if (!claim(request.id(), REFUSED, ground, note, language, facts)) {
            throw new IllegalStateException("request " + request.id() + " already has its reply");
        }
        Map<String, Object> model = model(request, controller, language, REFUSED, facts, null, ground, note);
        Long outbound = queue(request, controller, language, TEMPLATE, model, KIND);
        finish(request, controller, REFUSED, outbound, null);
    }

    public boolean hasReply(String requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM request_reply WHERE request_id = :id").param("id", requestId)
                .query(Long.class).single() > 0;
    }

    /** The reply's outcome and its package, for the status page; empty maps when there is no reply yet. */
    public Map<String, Object> statusOf(String requestId) {
        Map<String, Object> view = new LinkedHashMap<>();
        jdbc.sql("SELECT outcome, ground FROM request_reply WHERE request_id = :id").param("id", requestId)
                .query((rs, n) -> {
                    view.put("outcome", rs.getString("outcome"));
                    view.put("ground", rs.getString("ground") == null ? "" : rs.getString("ground"));
                    return true;
                }).optional();
        if (!view.isEmpty()) {
            links.latest(requestId).ifPresent(p -> {
                view.put("packageUrl", p.expiredAt(clock.instant()) ? "" : p.url());
                view.put("packageExpiresAt", p.expiresAt());
            });
        }
        return view;
    }

    /** Takes the request's reply slot; false when another announcement took it first. */
    private boolean claim(String requestId, String outcome, String ground, String note, String language,
            ReplyFacts facts) {
        // lock the request row so that two announcers of the same request queue one reply
        jdbc.sql("SELECT id FROM subject_request WHERE id = :id FOR UPDATE").param("id", requestId)
                .query(String.class).optional();
        if (hasReply(requestId)) {
            return false;
        }
        String summary;
        try {
            summary = JSON.writeValueAsString(Map.of("systems", facts.systems(), "retained", facts.retained(),
                    "failed", facts.failed()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("INSERT INTO request_reply (request_id, outcome, ground, note, language, summary, created_at) "
                        + "VALUES (:id, :outcome, :ground, :note, :language, :summary, :now)")
                .param("id", requestId).param("outcome", outcome).param("ground", ground).param("note", note)
                .param("language", language).param("summary", summary)
                .param("now", Timestamps.toDb(clock.instant())).update();
        return true;
    }

    private Long queue(SubjectRequest request, Controller controller, String language, String template,
            Map<String, Object> model, String kind) {
        if (request.replyTo() == null) {
            return null;
        }
        RenderedMail mail = RenderedMail.parse(templates.render(template, controller.id(), language, model), template);
        return outbox.enqueue(request.id(), kind, controller.contact().email(), request.replyTo(), mail.subject(),
                mail.body(), firstMessageId(request.id()));
    }

    private void finish(SubjectRequest request, Controller controller, String outcome, Long outbound,
            PackageLinks.StoredPackage stored) {
        jdbc.sql("UPDATE request_reply SET outbound_id = :outbound WHERE request_id = :id")
                .param("outbound", outbound).param("id", request.id()).update();
        audit.record(request.id(), "replies", "REPLY_QUEUED", "outcome=" + outcome
                + (stored == null ? "" : "; package=" + stored.id() + " (" + stored.bytes() + " bytes, link until "
                        + stored.expiresAt() + (stored.encrypted() ? ", encrypted" : "") + ")")
                + (outbound == null ? "; no e-mail address to reply to: status page only" : "; message=" + outbound)
                + "; " + timing(request, controller));
    }

    /** How the reply stands against the request's due date, for the audit line. */
    private String timing(SubjectRequest request, Controller controller) {
        Instant now = clock.instant();
        String took = "answered " + ChronoUnit.DAYS.between(request.receivedAt(), now) + " days after receipt";
        if (request.dueAt() == null) {
            return took + "; no due date";
        }
        Duration margin = Duration.between(now, request.dueAt());
        LocalDate due = request.dueAt().atZone(controller.timeZone()).toLocalDate();
        return took + (margin.isNegative() ? "; LATE: due " + due + ", " + margin.negated().toDays() + " days overdue"
                : "; on time: due " + due + ", " + margin.toDays() + " days to spare");
    }

    /**
     * The message the reply answers: the mail the request came in (threads in the subject's mailbox); for requests
     * from the form or the API, the acknowledgement the hub sent.
     */
    private String firstMessageId(String requestId) {
        return jdbc.sql("SELECT message_id FROM inbound_message WHERE request_id = :id AND message_id IS NOT NULL "
                        + "ORDER BY id LIMIT 1").param("id", requestId).query(String.class).optional()
                .orElseGet(() -> jdbc.sql("SELECT message_id FROM outbound_message WHERE request_id = :id "
                                + "AND kind = :kind ORDER BY id LIMIT 1")
                        .param("id", requestId).param("kind", Acknowledgements.KIND).query(String.class).optional()
                        .orElse(null));
    }

    private Map<String, Object> base(SubjectRequest request, Controller controller, String language) {
        Map<String, Object> model = new HashMap<>();
        model.put("controllerName", controller.legalName() != null ? controller.legalName() : controller.name());
        model.put("contactEmail", controller.contact().email());
        model.put("postalAddress", controller.contact().postalAddress() == null ? ""
                : controller.contact().postalAddress());
        model.put("reference", request.reference());
        model.put("requesterName", request.requester().name() == null ? "" : request.requester().name());
        model.put("statusUrl", publicBaseUrl + "/status/" + request.id() + "?token=" + statusTokens.issue(request.id()));
        return model;
    }

    private Map<String, Object> model(SubjectRequest request, Controller controller, String language, String outcome,
            ReplyFacts facts, PackageLinks.StoredPackage stored, String ground, String note) {
        ResourceBundle messages = Templates.Messages.bundle(language);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(language));
        Map<String, Object> model = base(request, controller, language);
        model.put("outcome", outcome);
        model.put("types", request.types().stream().sorted().map(t -> messages.getString("type." + t.code()))
                .toList());
        model.put("packageUrl", stored == null ? "" : stored.url());
        model.put("packageExpiresOn", stored == null ? ""
                : stored.expiresAt().atZone(controller.timeZone()).toLocalDate().format(dates));
        model.put("packageEncrypted", stored != null && stored.encrypted());
        boolean wantsPackage = request.types().stream().anyMatch(PACKAGE_TYPES::contains);
        model.put("accessNothingFound", wantsPackage && stored == null && !REFUSED.equals(outcome));
        List<Map<String, Object>> exported = new ArrayList<>();
        List<Map<String, Object>> erased = new ArrayList<>();
        Map<String, List<String>> confirmations = new LinkedHashMap<>();
        for (ReplyFacts.SystemLine line : facts.systems()) {
            if (line.exported() > 0) {
                exported.add(Map.of("system", name(line.system()), "count", line.exported()));
            }
            if ("erase".equals(line.action())) {
                erased.add(Map.of("system", name(line.system()), "count", line.erased(), "objects", line.objects(),
                        "retained", line.retained(), "nothing", line.erased() == 0 && line.retained() == 0));
            }
        }
        for (ReplyFacts.SystemLine line : facts.changed()) {
            String type = switch (line.action()) {
                case "rectify" -> RequestType.RECTIFICATION.code();
                case "restrict" -> RequestType.RESTRICTION.code();
                case "manual" -> "manual";
                default -> null;
            };
            if (type != null) {
                confirmations.computeIfAbsent(type, k -> new ArrayList<>())
                        .add(name(line.system()) + (line.note() == null ? "" : " (" + line.note() + ")"));
            }
        }
        boolean erasure = request.types().contains(RequestType.ERASURE)
                || request.types().contains(RequestType.ACCOUNT_CLOSURE);
        model.put("exported", exported);
        model.put("erasure", erasure && !REFUSED.equals(outcome));
        model.put("erased", erased);
        model.put("retained", facts.retained().stream().map(r -> Map.<String, Object>of("system", name(r.system()),
                "rule", r.rule(), "basis", r.basis(), "purgeOn", r.purgeOn(), "where", String.join(", ", r.where()),
                "rows", r.rows(), "objects", r.objects())).toList());
        model.put("backups", facts.backups().stream().map(b -> Map.<String, Object>of("system", name(b.system()),
                "until", b.until() == null ? "" : b.until(), "note", b.note() == null ? "" : b.note())).toList());
        model.put("backupStatement", controller.backups() == null ? "" : controller.backups().strip());
        model.put("processors", facts.processors().stream().map(p -> Map.<String, Object>of("processor",
                p.processor(), "status", p.status(), "answer", p.answer() == null ? "" : p.answer())).toList());
        model.put("confirmations", confirmations.entrySet().stream().map(e -> Map.<String, Object>of(
                "type", e.getKey(), "systems", e.getValue())).toList());
        model.put("otherTypes", request.types().stream().filter(t -> !PACKAGE_TYPES.contains(t)
                && t != RequestType.ERASURE).sorted().map(t -> messages.getString("type." + t.code())).toList());
        model.put("failed", facts.failed().stream().map(f -> Map.<String, Object>of("system", name(f.system()),
                "action", f.action())).toList());
        model.put("ground", ground == null ? "" : groundWords(messages, ground));
        model.put("groundCode", ground == null ? "" : ground);
        model.put("note", note == null ? "" : note);
        ComplaintRights.Rights rights = complaintRights.of(request, controller);
        boolean notEverything = REFUSED.equals(outcome) || "PARTIALLY_COMPLETED".equals(outcome)
                || (erasure && !facts.retained().isEmpty());
        model.put("complain", notEverything);
        model.put("authority", rights.authority());
        model.put("court", rights.court());
        model.put("controllerComplaints", rights.controllerText().strip());
        return model;
    }

    /** A system's name from its file ({@code name}), else its id. */
    private String name(String systemId) {
        return catalogue.system(systemId).map(TargetSystem::name).filter(n -> n != null && !n.isBlank())
                .orElse(systemId);
    }

    private static String groundWords(ResourceBundle messages, String ground) {
        try {
            return messages.getString("ground." + ground);
        } catch (MissingResourceException missing) {
            return ground.replace('-', ' ');
        }
    }
}
