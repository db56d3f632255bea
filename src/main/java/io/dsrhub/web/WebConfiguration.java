package io.dsrhub.web;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.intake.FormSubmissionReader;
import io.dsrhub.intake.RequestRegistrar;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.reply.Templates;
import io.dsrhub.security.StatusTokens;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** The HTTP edge: body limits, error answers, status views and the HTML pages. */
@Configuration
public class WebConfiguration {

    /** Used by the platform-http component (camel.component.platform-http.header-filter-strategy). */
    @BindToRegistry(value = "responseHeaderFilter", lazy = true)
    public ResponseHeaderFilter responseHeaderFilter() {
        return new ResponseHeaderFilter();
    }

    @BindToRegistry(value = "requestBodies", lazy = true)
    public RequestBodies requestBodies(@PropertyInject("dsr.http.max-body-bytes") long maxBytes) {
        return new RequestBodies(maxBytes);
    }

    @BindToRegistry(value = "problemResponses", lazy = true)
    public ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @BindToRegistry(value = "statusView", lazy = true)
    public StatusView statusView(Clock clock) {
        return new StatusView(clock);
    }

    @BindToRegistry(value = "requestForms", lazy = true)
    public RequestForms requestForms(ControllerCatalogue controllers, Templates templates,
            FormSubmissionReader reader, RequestRegistrar registrar, RequestLedger ledger, StatusTokens tokens,
            RequestBodies bodies, Clock clock) {
        return new RequestForms(controllers, templates, reader, registrar, ledger, tokens, bodies, clock);
    }
}
