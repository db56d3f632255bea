package io.dsrhub.mailbox;

import io.dsrhub.HubProfile;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.deadline.DeadlineEngine;
import io.dsrhub.evidence.ArchiveInspector;
import io.dsrhub.evidence.EvidenceStore;
import io.dsrhub.freetext.FreeTextReader;
import io.dsrhub.freetext.PhraseBook;
import io.dsrhub.intake.RequestRegistrar;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.reply.Acknowledgements;
import io.dsrhub.reply.Clarifications;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Mail intake: one consumer route per controller mailbox, and the beans that read, decide and record. */
@Configuration
public class MailboxConfiguration implements CamelContextAware {

    private CamelContext camelContext;

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @BindToRegistry(value = "mailboxSettings", lazy = true)
    public MailboxSettings mailboxSettings(HubProfile profile,
            @PropertyInject("dsr.mailbox.enabled") boolean enabled,
            @PropertyInject("dsr.mailbox.host") String host,
            @PropertyInject("dsr.mailbox.port") int port,
            @PropertyInject("dsr.mailbox.protocol") String protocol,
            @PropertyInject("dsr.mail.smtp.host") String smtpHost,
            @PropertyInject("dsr.embedded.bind-address") String embeddedHost,
            @PropertyInject("dsr.embedded.imap-port") int embeddedImapPort,
            @PropertyInject("dsr.controllers.dir") String controllersDir) {
        if (!protocol.equals("imap") && !protocol.equals("imaps")) {
            throw new IllegalArgumentException("config/application.properties: key 'dsr.mailbox.protocol' "
                    + "(DSR_MAILBOX_PROTOCOL): expected imap or imaps; got '" + protocol + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("config/application.properties: key 'dsr.mailbox.port' "
                    + "(DSR_MAILBOX_PORT): expected a port between 1 and 65535; got " + port);
        }
        boolean embeddedRunning = !profile.isProduction() && (smtpHost == null || smtpHost.isBlank());
        return new MailboxSettings(enabled, host, port, protocol, embeddedRunning, embeddedHost, embeddedImapPort,
                profile.isProduction(), controllersDir, System::getenv);
    }

    @BindToRegistry(value = "mailReader", lazy = true)
    public MailReader mailReader(MailAttempts attempts,
            @PropertyInject("dsr.mailbox.max-message-bytes") long maxMessageBytes,
            @PropertyInject("dsr.mailbox.max-attempts") int maxAttempts) {
        positive("dsr.mailbox.max-message-bytes", maxMessageBytes);
        positive("dsr.mailbox.max-attempts", maxAttempts);
        return new MailReader(attempts, maxMessageBytes, maxAttempts);
    }

    /** Fetches UIDs, flags and small contents of a window of messages per IMAP round trip (camel-mail's UID generator). */
    @BindToRegistry(value = "mailboxPrefetch", lazy = true)
    public MailboxPrefetch mailboxPrefetch(@PropertyInject("dsr.mailbox.batch-size") int batchSize,
            @PropertyInject("dsr.mailbox.max-message-bytes") long maxMessageBytes) {
        positive("dsr.mailbox.batch-size", batchSize);
        return new MailboxPrefetch(batchSize, Math.min(maxMessageBytes, 1024 * 1024), 16 * 1024 * 1024);
    }

    @BindToRegistry(value = "mailParser", lazy = true)
    public MailParser mailParser(@PropertyInject("dsr.mailbox.max-attachment-bytes") long maxAttachmentBytes) {
        positive("dsr.mailbox.max-attachment-bytes", maxAttachmentBytes);
        return new MailParser(maxAttachmentBytes);
    }

    @BindToRegistry(value = "automatedMail", lazy = true)
    public AutomatedMail automatedMail(PhraseBook phraseBook, ControllerCatalogue controllers) {
        List<String> addresses = new ArrayList<>();
        controllers.all().forEach(c -> addresses.add(c.contact().email().toLowerCase(Locale.ROOT)));
        return new AutomatedMail(phraseBook, addresses);
    }

    @BindToRegistry(value = "mailThreads", lazy = true)
    public MailThreads mailThreads(JdbcClient jdbc) {
        return new MailThreads(jdbc);
    }

    @BindToRegistry(value = "inboundMessages", lazy = true)
    public InboundMessages inboundMessages(JdbcClient jdbc) {
        return new InboundMessages(jdbc);
    }

    @BindToRegistry(value = "mailAttempts", lazy = true)
    public MailAttempts mailAttempts(JdbcClient jdbc, LedgerTransactions tx, Clock clock) {
        return new MailAttempts(jdbc, tx, clock);
    }

    @BindToRegistry(value = "attachmentPolicy", lazy = true)
    public AttachmentPolicy attachmentPolicy(ArchiveInspector archives,
            @PropertyInject("dsr.mailbox.max-attachments") int maxAttachments,
            @PropertyInject("dsr.mailbox.max-attachment-bytes") long maxAttachmentBytes) {
        positive("dsr.mailbox.max-attachments", maxAttachments);
        return new AttachmentPolicy(maxAttachments, maxAttachmentBytes, archives);
    }

    /** Handlers of replies on a request's thread are every {@link ThreadReplyHandler} bean in the registry. */
    @BindToRegistry(value = "threadReplies", lazy = true)
    public ThreadReplies threadReplies() {
        return new ThreadReplies(() -> List.copyOf(
                camelContext.getRegistry().findByType(ThreadReplyHandler.class)));
    }

    @BindToRegistry(value = "clarificationReplies", lazy = true)
    public ThreadReplyHandler clarificationReplies(FreeTextReader reader, RequestLedger ledger,
            Acknowledgements acknowledgements, Clarifications clarifications, DeadlineEngine deadlines, Clock clock,
            @PropertyInject("dsr.mailbox.max-clarifications") int maxClarifications) {
        positive("dsr.mailbox.max-clarifications", maxClarifications);
        return new ClarificationReplies(reader, ledger, acknowledgements, clarifications, deadlines, clock,
                maxClarifications);
    }

    @BindToRegistry(value = "mailIntake", lazy = true)
    public MailIntake mailIntake(ControllerCatalogue controllers, MailParser parser, FreeTextReader reader,
            AutomatedMail automated, MailThreads threads, InboundMessages inbound, MailAttempts attempts,
            RequestRegistrar registrar, RequestLedger ledger, AuditTrail audit, Clarifications clarifications,
            ThreadReplies replies, AttachmentPolicy attachmentPolicy, EvidenceStore evidence, LedgerTransactions tx,
            DeadlineEngine deadlines, Clock clock, @PropertyInject("dsr.mailbox.max-attempts") int maxAttempts) {
        positive("dsr.mailbox.max-attempts", maxAttempts);
        return new MailIntake(controllers, parser, reader, automated, threads, inbound, attempts, registrar, ledger,
                audit, clarifications, replies, attachmentPolicy, evidence, tx, deadlines, clock, maxAttempts);
    }

    private static void positive(String key, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("config/application.properties: key '" + key
                    + "': expected a positive number; got " + value);
        }
    }
}
