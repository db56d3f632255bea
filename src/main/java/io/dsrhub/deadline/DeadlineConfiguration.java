package io.dsrhub.deadline;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.deadline.escalation.DeadlineDigests;
import io.dsrhub.deadline.escalation.DeadlineGauges;
import io.dsrhub.deadline.escalation.DeadlineSettings;
import io.dsrhub.deadline.escalation.DeadlineSettingsReader;
import io.dsrhub.deadline.escalation.DeadlineWebhooks;
import io.dsrhub.deadline.escalation.EscalationPass;
import io.dsrhub.deadline.escalation.WebhookClientSettings;
import io.dsrhub.intake.SubmissionRules;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.reply.Templates;
import io.dsrhub.security.StatusTokens;
import io.dsrhub.web.RequestBodies;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.quartz.QuartzComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The deadline engine, the escalation schedule and the operator's clock calls. */
@Configuration
public class DeadlineConfiguration {

    /** Eager, so that a bad regimes file or published calendar stops the hub at start-up. */
    @BindToRegistry("deadlineRules")
    public DeadlineRules deadlineRules(@PropertyInject("dsr.deadline.regimes-file") String regimesFile,
            @PropertyInject("dsr.deadline.holidays-dir") String holidaysDir) {
        return DeadlineRules.load(Path.of(regimesFile), Path.of(holidaysDir));
    }

    /** Eager, so that a bad setting stops the hub at start-up. */
    @BindToRegistry("deadlineSettings")
    public DeadlineSettings deadlineSettings(@PropertyInject("dsr.deadline.schedule") String schedule,
            @PropertyInject("dsr.deadline.reminder-lead") String reminderLead,
            @PropertyInject("dsr.deadline.escalation-lead") String escalationLead,
            @PropertyInject("dsr.deadline.batch-size") String batchSize,
            @PropertyInject("dsr.deadline.reminder-to") String reminderTo,
            @PropertyInject("dsr.deadline.escalation-to") String escalationTo,
            @PropertyInject("dsr.deadline.breach-to") String breachTo,
            @PropertyInject("dsr.deadline.sender") String sender,
            @PropertyInject("dsr.deadline.webhook-url") String webhookUrl,
            @PropertyInject("dsr.deadline.webhook-secret") String webhookSecret,
            @PropertyInject("dsr.deadline.webhook-max-attempts") String webhookMaxAttempts,
            @PropertyInject("dsr.deadline.webhook-first-retry") String webhookFirstRetry) {
        return new DeadlineSettingsReader().read(Map.ofEntries(
                Map.entry("schedule", schedule), Map.entry("reminder-lead", reminderLead),
                Map.entry("escalation-lead", escalationLead), Map.entry("batch-size", batchSize),
                Map.entry("reminder-to", reminderTo), Map.entry("escalation-to", escalationTo),
                Map.entry("breach-to", breachTo), Map.entry("sender", sender), Map.entry("webhook-url", webhookUrl),
                Map.entry("webhook-secret", webhookSecret), Map.entry("webhook-max-attempts", webhookMaxAttempts),
                Map.entry("webhook-first-retry", webhookFirstRetry)));
    }

    /** Eager: registers the start-up check of the controllers' holiday calendars. */
    @BindToRegistry("deadlineStartupCheck")
    public DeadlineStartupCheck deadlineStartupCheck(CamelContext context,
            @PropertyInject("dsr.controllers.dir") String controllersDir) throws Exception {
        DeadlineStartupCheck check = new DeadlineStartupCheck(controllersDir);
        context.addStartupListener(check);
        return check;
    }

    @BindToRegistry(value = "clockCalculator", lazy = true)
    public ClockCalculator clockCalculator(DeadlineRules rules) {
        return new ClockCalculator(rules.regimes(), rules.calendars());
    }

    @BindToRegistry(value = "clockStore", lazy = true)
    public ClockStore clockStore(JdbcClient jdbc, Clock clock) {
        return new ClockStore(jdbc, clock);
    }

    @BindToRegistry(value = "extensionNotices", lazy = true)
    public ExtensionNotices extensionNotices(Templates templates, Outbox outbox, StatusTokens tokens,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        return new ExtensionNotices(templates, outbox, tokens, publicBaseUrl);
    }

    @BindToRegistry(value = "deadlineEngine", lazy = true)
    public DeadlineEngine deadlineEngine(ControllerCatalogue controllers, ClockCalculator calculator,
            ClockStore store, RequestLedger ledger, AuditTrail audit, LedgerTransactions tx,
            ExtensionNotices notices, Clock clock) {
        return new DeadlineEngine(controllers, calculator, store, ledger, audit, tx, notices, clock);
    }

    @BindToRegistry(value = "clockView", lazy = true)
    public ClockView clockView(DeadlineEngine engine, JdbcClient jdbc) {
        return new ClockView(engine, jdbc);
    }

    @BindToRegistry(value = "deadlineAdminApi", lazy = true)
    public DeadlineAdminApi deadlineAdminApi(DeadlineEngine engine, RequestLedger ledger, RequestBodies bodies,
            SubmissionRules rules, ClockView view, Clock clock) {
        return new DeadlineAdminApi(engine, ledger, bodies, rules, view, clock);
    }

    @BindToRegistry(value = "deadlineDigests", lazy = true)
    public DeadlineDigests deadlineDigests(Templates templates,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        return new DeadlineDigests(templates, publicBaseUrl);
    }

    @BindToRegistry(value = "escalationPass", lazy = true)
    public EscalationPass escalationPass(DataSource dataSource, JdbcClient jdbc, LedgerTransactions tx,
            AuditTrail audit, Outbox outbox,
            ControllerCatalogue controllers, DeadlineEngine engine, ClockStore store, DeadlineDigests digests,
            DeadlineSettings settings, Clock clock, CamelContext context) {
        return new EscalationPass(dataSource, jdbc, tx, audit, outbox, controllers, engine, store, digests, settings,
                clock, meterRegistry(context));
    }

    @BindToRegistry(value = "deadlineWebhooks", lazy = true)
    public DeadlineWebhooks deadlineWebhooks(JdbcClient jdbc, LedgerTransactions tx, DeadlineSettings settings,
            Clock clock) {
        return new DeadlineWebhooks(jdbc, tx, settings, clock);
    }

    @BindToRegistry(value = "deadlineWebhookClient", lazy = true)
    public WebhookClientSettings deadlineWebhookClient() {
        return new WebhookClientSettings();
    }

    @BindToRegistry(value = "deadlineGauges", lazy = true)
    public DeadlineGauges deadlineGauges(JdbcClient jdbc, DeadlineSettings settings, Clock clock,
            CamelContext context) {
        return new DeadlineGauges(jdbc, settings, clock, meterRegistry(context));
    }

    private static MeterRegistry meterRegistry(CamelContext context) {
        MeterRegistry registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            throw new IllegalStateException("no Micrometer registry: is camel.metrics.enabled=true?");
        }
        return registry;
    }

    /**
     * The Quartz scheduler behind camel-cron, in memory and private to this hub instance (several instances in one
     * JVM, as in tests, must not share one scheduler). Running the schedule on every instance is safe: see
     * {@link EscalationPass}.
     */
    @BindToRegistry(value = "quartz", lazy = true)
    public QuartzComponent quartz() {
        QuartzComponent quartz = new QuartzComponent();
        quartz.setPrefixInstanceName(false);
        quartz.setProperties(Map.of(
                "org.quartz.scheduler.instanceName", "dsr-hub-" + UUID.randomUUID(),
                "org.quartz.scheduler.skipUpdateCheck", "true",
                "org.quartz.threadPool.threadCount", "1",
                "org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore"));
        return quartz;
    }
}
