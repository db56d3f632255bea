package io.dsrhub.intake;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.deadline.DeadlineEngine;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.reply.Acknowledgements;
import io.dsrhub.security.StatusTokens;
import io.dsrhub.web.RequestBodies;
import io.dsrhub.web.StatusView;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** Intake: what every channel shares (rules, registration) and the JSON API. */
@Configuration
public class IntakeConfiguration {

    @BindToRegistry(value = "submissionRules", lazy = true)
    public SubmissionRules submissionRules(ControllerCatalogue controllers) {
        return new SubmissionRules(controllers);
    }

    @BindToRegistry(value = "requestRegistrar", lazy = true)
    public RequestRegistrar requestRegistrar(ControllerCatalogue controllers, RequestLedger ledger,
            LedgerTransactions tx, DeadlineEngine deadlines, Acknowledgements acknowledgements, StatusTokens tokens) {
        return new RequestRegistrar(controllers, ledger, tx, deadlines, acknowledgements, tokens);
    }

    @BindToRegistry(value = "apiSubmissionReader", lazy = true)
    public ApiSubmissionReader apiSubmissionReader(SubmissionRules rules) {
        return new ApiSubmissionReader(rules);
    }

    @BindToRegistry(value = "formSubmissionReader", lazy = true)
    public FormSubmissionReader formSubmissionReader(SubmissionRules rules) {
        return new FormSubmissionReader(rules);
    }

    @BindToRegistry(value = "apiIntake", lazy = true)
    public ApiIntake apiIntake(RequestBodies bodies, ApiSubmissionReader reader, RequestRegistrar registrar,
            RequestLedger ledger, ControllerCatalogue controllers, StatusTokens tokens, StatusView view, Clock clock,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        return new ApiIntake(bodies, reader, registrar, ledger, controllers, tokens, view, clock, publicBaseUrl);
    }
}
