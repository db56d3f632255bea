package io.dsrhub.verification;

import io.dsrhub.HubProfile;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.deadline.DeadlineEngine;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.mailbox.ThreadReplyHandler;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.reply.Templates;
import io.dsrhub.security.GeneratedSecrets;
import io.dsrhub.security.StatusTokens;
import io.dsrhub.web.RequestBodies;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Identity verification: codes, challenges, the account lookup, rate limits, pages and the operator decision. */
@Configuration
public class VerificationConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        // before the routes start: every controller's account lookup must name one of its database systems
        context.addService(new ServiceSupport() {
            @Override
            protected void doStart() {
                context.getRegistry().findSingleByType(AccountDirectory.class)
                        .check(context.getRegistry().findSingleByType(ControllerCatalogue.class).all());
                context.getRegistry().findSingleByType(VerificationSettings.class);
            }
        }, true, true);
    }

    @BindToRegistry(value = "verificationSettings", lazy = true)
    public VerificationSettings verificationSettings(
            @PropertyInject("dsr.verification.code-validity") String codeValidity,
            @PropertyInject("dsr.verification.max-attempts") int maxAttempts,
            @PropertyInject("dsr.verification.expire-after-days") int expireAfterDays,
            @PropertyInject("dsr.verification.pause-clock") boolean pauseClock) {
        return new VerificationSettings(duration("dsr.verification.code-validity", codeValidity), maxAttempts,
                expireAfterDays, pauseClock);
    }

    @BindToRegistry(value = "verificationCodes", lazy = true)
    public VerificationCodes verificationCodes(HubProfile profile, GeneratedSecrets generated,
            @PropertyInject("dsr.security.token-secret") String secret,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        String key = profile.needsEmbedded("dsr.security.token-secret", "DSR_TOKEN_SECRET", secret)
                ? generated.getOrCreate("token-secret") : secret;
        return new VerificationCodes(key, publicBaseUrl);
    }

    @BindToRegistry(value = "challengeLedger", lazy = true)
    public ChallengeLedger challengeLedger(JdbcClient jdbc, VerificationCodes codes, Clock clock) {
        return new ChallengeLedger(jdbc, codes, clock);
    }

    @BindToRegistry(value = "accountDirectory", lazy = true)
    public AccountDirectory accountDirectory(CamelContext context, HubProfile profile) {
        return new AccountDirectory(() -> context.getRegistry().findSingleByType(FulfilmentCatalogue.class),
                profile.isProduction());
    }

    @BindToRegistry(value = "verificationMails", lazy = true)
    public VerificationMails verificationMails(Templates templates, Outbox outbox, StatusTokens tokens,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        return new VerificationMails(templates, outbox, tokens, publicBaseUrl);
    }

    @BindToRegistry(value = "identityVerification", lazy = true)
    public IdentityVerification identityVerification(JdbcClient jdbc, LedgerTransactions tx, RequestLedger ledger,
            AuditTrail audit, ControllerCatalogue controllers, AccountDirectory accounts, ChallengeLedger challenges,
            VerificationCodes codes, VerificationMails mails, DeadlineEngine deadlines, VerificationSettings settings,
            Clock clock) {
        return new IdentityVerification(jdbc, tx, ledger, audit, controllers, accounts, challenges, codes, mails,
                deadlines, settings, clock);
    }

    @BindToRegistry(value = "verificationReplies", lazy = true)
    public ThreadReplyHandler verificationReplies(IdentityVerification verification) {
        return new VerificationReplies(verification);
    }

    @BindToRegistry(value = "rateLimits", lazy = true)
    public RateLimits rateLimits(JdbcClient jdbc, VerificationCodes codes, Clock clock,
            @PropertyInject("dsr.verification.limits.window") String window,
            @PropertyInject("dsr.verification.limits.requests-per-source") int requestsPerSource,
            @PropertyInject("dsr.verification.limits.requests-per-identity") int requestsPerIdentity,
            @PropertyInject("dsr.verification.limits.attempts-per-source") int attemptsPerSource,
            @PropertyInject("dsr.verification.limits.codes-per-identity") int codesPerIdentity) {
        Map<RateLimits.Scope, Integer> limits = new EnumMap<>(RateLimits.Scope.class);
        limits.put(RateLimits.Scope.REQUEST_PER_SOURCE, requestsPerSource);
        limits.put(RateLimits.Scope.REQUEST_PER_IDENTITY, requestsPerIdentity);
        limits.put(RateLimits.Scope.ATTEMPT_PER_SOURCE, attemptsPerSource);
        limits.put(RateLimits.Scope.CODE_PER_IDENTITY, codesPerIdentity);
        return new RateLimits(jdbc, codes, clock, duration("dsr.verification.limits.window", window), limits);
    }

    @BindToRegistry(value = "submissionLimits", lazy = true)
    public SubmissionLimits submissionLimits(RateLimits limits, RequestBodies bodies) {
        return new SubmissionLimits(limits, bodies);
    }

    @BindToRegistry(value = "verificationPages", lazy = true)
    public VerificationPages verificationPages(IdentityVerification verification, RequestLedger ledger,
            ControllerCatalogue controllers, StatusTokens tokens, ChallengeLedger challenges, VerificationCodes codes,
            RateLimits limits, Templates templates) {
        return new VerificationPages(verification, ledger, controllers, tokens, challenges, codes, limits, templates);
    }

    @BindToRegistry(value = "approvalApi", lazy = true)
    public ApprovalApi approvalApi(IdentityVerification verification, RequestLedger ledger, RequestBodies bodies) {
        return new ApprovalApi(verification, ledger, bodies);
    }

    @BindToRegistry(value = "authorityEvidence", lazy = true)
    public AuthorityEvidence authorityEvidence(JdbcClient jdbc, LedgerTransactions tx, RequestLedger ledger,
            AuditTrail audit, io.dsrhub.evidence.EvidenceStore store, StatusTokens tokens, ChallengeLedger challenges,
            Clock clock, @PropertyInject("dsr.verification.max-evidence-bytes") long maxBytes) {
        return new AuthorityEvidence(jdbc, tx, ledger, audit, store, tokens, challenges, clock, maxBytes);
    }

    @BindToRegistry(value = "outboundCodes", lazy = true)
    public OutboundCodes outboundCodes(VerificationCodes codes) {
        return new OutboundCodes(codes);
    }

    private static Duration duration(String key, String value) {
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(key + ": expected an ISO-8601 duration such as PT24H; got '" + value + "'");
        }
    }
}
