package io.dsrhub.outbox;

import io.dsrhub.HubProfile;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox, and the SMTP side of camel-mail that delivers it. */
@Configuration
public class OutboxConfiguration {

    @BindToRegistry(value = "outbox", lazy = true)
    public Outbox outbox(JdbcClient jdbc, LedgerTransactions tx, AuditTrail audit, Clock clock,
            @PropertyInject("dsr.outbox.lease") String lease,
            @PropertyInject("dsr.outbox.max-attempts") int maxAttempts,
            @PropertyInject("dsr.outbox.first-retry") String firstRetry) {
        return new Outbox(jdbc, tx, audit, clock, Duration.parse(lease), maxAttempts, Duration.parse(firstRetry));
    }

    @BindToRegistry(value = "mailComposer", lazy = true)
    public MailComposer mailComposer() {
        return new MailComposer();
    }

    @BindToRegistry(value = "mailSettings", lazy = true)
    public MailSettings mailSettings(HubProfile profile,
            @PropertyInject("dsr.mail.smtp.host") String host,
            @PropertyInject("dsr.mail.smtp.port") int port,
            @PropertyInject("dsr.mail.smtp.username") String username,
            @PropertyInject("dsr.mail.smtp.password") String password,
            @PropertyInject("dsr.mail.smtp.starttls") boolean startTls,
            @PropertyInject("dsr.embedded.bind-address") String embeddedAddress,
            @PropertyInject("dsr.embedded.smtp-port") int embeddedPort) {
        if (profile.needsEmbedded("dsr.mail.smtp.host", "DSR_SMTP_HOST", host)) {
            return new MailSettings(embeddedAddress, embeddedPort, null, null, false);
        }
        return new MailSettings(host, port, username, password, startTls);
    }

    /** camel-mail's {@code smtp} component, carrying the credentials so that they never appear in a URI. */
    @BindToRegistry(value = "smtp", lazy = true)
    public MailComponent smtp(MailSettings settings) {
        MailConfiguration configuration = new MailConfiguration();
        configuration.configureProtocol("smtp");
        if (settings.authenticated()) {
            configuration.setUsername(settings.username());
            configuration.setPassword(settings.password());
        }
        configuration.setConnectionTimeout(10_000);
        if (settings.startTls()) {
            java.util.Properties extra = new java.util.Properties();
            extra.put("mail.smtp.starttls.enable", "true");
            extra.put("mail.smtp.starttls.required", "true");
            configuration.setAdditionalJavaMailProperties(extra);
        }
        MailComponent component = new MailComponent();
        component.setConfiguration(configuration);
        return component;
    }
}
