package io.dsrhub.opendsr;

import io.dsrhub.HubProfile;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.intake.RequestRegistrar;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.security.BearerToken;
import io.dsrhub.security.GeneratedSecrets;
import io.dsrhub.web.RequestBodies;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The OpenDSR processor endpoints. Each controller's caller token comes from {@code DSR_OPENDSR_TOKEN_<ID>}; in
 * the embedded profile a missing one is generated into {@code data/opendsr-token-<id>}, and in production a
 * controller without one simply takes no OpenDSR requests.
 */
@Configuration
public class OpenDsrConfiguration {

    @BindToRegistry(value = "openDsrClients", lazy = true)
    public OpenDsrClients openDsrClients(HubProfile profile, ControllerCatalogue controllers,
            GeneratedSecrets generated) {
        Map<String, BearerToken> tokens = new LinkedHashMap<>();
        for (Controller controller : controllers.all()) {
            String token = System.getenv(OpenDsrClients.variableFor(controller));
            if (token != null && !token.isBlank()) {
                tokens.put(controller.id(), new BearerToken(token));
            } else if (!profile.isProduction()) {
                tokens.put(controller.id(), new BearerToken(generated.getOrCreate("opendsr-token-" + controller.id())));
            }
        }
        return new OpenDsrClients(tokens);
    }

    @BindToRegistry(value = "responseSigner", lazy = true)
    public ResponseSigner responseSigner(HubProfile profile,
            @PropertyInject("dsr.opendsr.private-key") String privateKey,
            @PropertyInject("dsr.opendsr.certificate") String certificate,
            @PropertyInject("dsr.opendsr.domain") String domain) {
        if (profile.needsEmbedded("dsr.opendsr.private-key", "DSR_OPENDSR_PRIVATE_KEY", privateKey)) {
            return new ResponseSigner(SigningKeys.selfSigned(profile.dataDir(), domain));
        }
        profile.needsEmbedded("dsr.opendsr.certificate", "DSR_OPENDSR_CERTIFICATE", certificate);
        return new ResponseSigner(SigningKeys.fromPem(privateKey, certificate));
    }

    @BindToRegistry(value = "statusCallbacks", lazy = true)
    public StatusCallbacks statusCallbacks(JdbcClient jdbc, LedgerTransactions tx, RequestLedger ledger,
            AuditTrail audit, ResponseSigner signer, Clock clock, @PropertyInject("dsr.opendsr.domain") String domain,
            @PropertyInject("dsr.opendsr.callbacks.lease") String lease,
            @PropertyInject("dsr.opendsr.callbacks.max-attempts") int maxAttempts,
            @PropertyInject("dsr.opendsr.callbacks.first-retry") String firstRetry) {
        return new StatusCallbacks(jdbc, tx, ledger, audit, signer, clock, domain, Duration.parse(lease), maxAttempts,
                Duration.parse(firstRetry));
    }

    @BindToRegistry(value = "openDsrApi", lazy = true)
    public OpenDsrApi openDsrApi(RequestBodies bodies, RequestRegistrar registrar, RequestLedger ledger,
            LedgerTransactions tx, JdbcClient jdbc, OpenDsrClients clients, ResponseSigner signer,
            ControllerCatalogue controllers, Clock clock, @PropertyInject("dsr.opendsr.domain") String domain,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        return new OpenDsrApi(bodies, new OpenDsrSubmissionReader(), registrar, ledger, tx,
                new OpenDsrCallbacks(jdbc), clients, signer, controllers, clock, domain, publicBaseUrl);
    }
}
