package io.dsrhub.reply.pack;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.reply.Templates;
import io.dsrhub.storage.HubBuckets;
import io.dsrhub.web.HttpAnswers;
import io.dsrhub.web.HttpProblem;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code GET /packages/{token}}: streams a data package from the export bucket to the subject (the object's stream
 * is handed to the HTTP layer, which sends it in chunks; the package is never read whole into memory). An unknown
 * token is a 404; an expired link is a 410 with a page, in the subject's language, saying how to get a new one.
 * Every download and every refused expired link is audited (the request id, never the token).
 */
public final class PackageDownloads {

    static final String EXPIRED_TEMPLATE = "web/package-expired.ftlh";

    private final PackageLinks links;
    private final HubBuckets buckets;
    private final RequestLedger requests;
    private final ControllerCatalogue controllers;
    private final Templates templates;
    private final AuditTrail audit;
    private final LedgerTransactions tx;
    private final Clock clock;

    public PackageDownloads(PackageLinks links, HubBuckets buckets, RequestLedger requests,
            ControllerCatalogue controllers, Templates templates, AuditTrail audit, LedgerTransactions tx,
            Clock clock) {
        this.links = links;
        this.buckets = buckets;
        this.requests = requests;
        this.controllers = controllers;
        this.templates = templates;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public void serve(Exchange exchange) {
        PackageLinks.StoredPackage stored = links.byToken(exchange.getIn().getHeader("token", String.class))
                .orElseThrow(HttpProblem::notFound);
        SubjectRequest request = requests.find(stored.requestId()).orElseThrow(HttpProblem::notFound);
        Controller controller = controllers.require(request.controllerId());
        if (stored.expiredAt(clock.instant())) {
            tx.run(() -> audit.record(request.id(), "replies", "PACKAGE_LINK_EXPIRED",
                    "package=" + stored.id() + " expired at " + stored.expiresAt()));
            String language = request.language() == null ? controller.defaultLanguage() : request.language();
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                    .withLocale(Locale.forLanguageTag(language));
            Map<String, Object> model = new HashMap<>();
            model.put("reference", request.reference());
            model.put("controllerName", controller.name());
            model.put("contactEmail", controller.contact().email());
            model.put("expiredOn", stored.expiresAt().atZone(controller.timeZone()).toLocalDate().format(format));
            HttpAnswers.html(exchange, 410, templates.render(EXPIRED_TEMPLATE, controller.id(), language, model));
            return;
        }
        var object = buckets.client().getObject(b -> b.bucket(stored.bucket()).key(stored.key()));
        tx.run(() -> {
            links.counted(stored.id());
            audit.record(request.id(), "replies", "PACKAGE_DOWNLOADED", "package=" + stored.id());
        });
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "application/zip");
        message.setHeader("Content-Disposition", "attachment; filename=\"data-package-" + request.reference()
                + ".zip\"");
        message.setHeader(Exchange.CONTENT_LENGTH, object.response().contentLength());
        message.setHeader("Cache-Control", "no-store");
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setBody(object);
    }
}
