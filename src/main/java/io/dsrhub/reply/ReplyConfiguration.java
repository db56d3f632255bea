package io.dsrhub.reply;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.deadline.ClockCalculator;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.reply.pack.PackageBuilder;
import io.dsrhub.reply.pack.PackageLinks;
import io.dsrhub.web.RequestBodies;
import java.time.Clock;
import io.dsrhub.security.StatusTokens;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Templates, the acknowledgement, the clarification question, and the replies that close requests. */
@Configuration
public class ReplyConfiguration {

    @BindToRegistry(value = "templates", lazy = true)
    public Templates templates() {
        return new Templates();
    }

    @BindToRegistry(value = "acknowledgements", lazy = true)
    public Acknowledgements acknowledgements(Templates templates, Outbox outbox, StatusTokens tokens,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        return new Acknowledgements(templates, outbox, tokens, publicBaseUrl);
    }

    @BindToRegistry(value = "clarifications", lazy = true)
    public Clarifications clarifications(Templates templates, Outbox outbox,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        return new Clarifications(templates, outbox, publicBaseUrl);
    }

    @BindToRegistry(value = "complaintRights", lazy = true)
    public ComplaintRights complaintRights(ClockCalculator calculator) {
        return new ComplaintRights(calculator);
    }

    @BindToRegistry(value = "replies", lazy = true)
    public Replies replies(FulfilmentCatalogue catalogue, JdbcClient jdbc, RequestLedger requests, TaskLedger tasks, ControllerCatalogue controllers,
            Templates templates, Outbox outbox, AuditTrail audit, LedgerTransactions tx, PackageBuilder packages,
            PackageLinks links, ComplaintRights complaintRights, StatusTokens tokens, Clock clock,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl,
            @PropertyInject("dsr.reply.encrypt-packages") boolean encryptPackages) {
        return new Replies(catalogue, jdbc, requests, tasks, controllers, templates, outbox, audit, tx, packages, links,
                complaintRights, tokens, clock, publicBaseUrl, encryptPackages);
    }

    @BindToRegistry(value = "refusals", lazy = true)
    public Refusals refusals(RequestLedger requests, ControllerCatalogue controllers, Replies replies,
            AuditTrail audit, LedgerTransactions tx, RequestBodies bodies) {
        return new Refusals(requests, controllers, replies, audit, tx, bodies);
    }

    @BindToRegistry(value = "undeliveredReplies", lazy = true)
    public UndeliveredReplies undeliveredReplies(JdbcClient jdbc, RequestLedger requests,
            ControllerCatalogue controllers, Templates templates, Outbox outbox, AuditTrail audit,
            LedgerTransactions tx, Clock clock, @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        return new UndeliveredReplies(jdbc, requests, controllers, templates, outbox, audit, tx, clock,
                publicBaseUrl);
    }
}
