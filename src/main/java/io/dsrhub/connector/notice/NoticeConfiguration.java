package io.dsrhub.connector.notice;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.mailbox.ThreadReplyHandler;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.reply.Templates;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Processors asked by e-mail: the notices, their ledger, and the handler of the processors' replies. */
@Configuration
public class NoticeConfiguration {

    @BindToRegistry(value = "noticeExchanges", lazy = true)
    public NoticeExchanges noticeExchanges(JdbcClient jdbc, Clock clock) {
        return new NoticeExchanges(jdbc, clock);
    }

    @BindToRegistry(value = "processorNotices", lazy = true)
    public ProcessorNotices processorNotices(NoticeExchanges exchanges, Outbox outbox, Templates templates,
            ControllerCatalogue controllers, RequestLedger requests, AuditTrail audit, LedgerTransactions tx,
            JdbcClient jdbc) {
        return new ProcessorNotices(exchanges, outbox, templates, controllers, requests, audit, tx, jdbc);
    }

    @BindToRegistry(value = "processorNoticeReplies", lazy = true)
    public ThreadReplyHandler processorNoticeReplies(NoticeExchanges exchanges, TaskLedger tasks, AuditTrail audit,
            Clock clock) {
        return new ProcessorNoticeReplies(exchanges, tasks, audit, clock);
    }
}
