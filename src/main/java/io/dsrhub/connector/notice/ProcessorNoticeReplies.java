package io.dsrhub.connector.notice;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.mailbox.ThreadReply;
import io.dsrhub.mailbox.ThreadReplyHandler;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Takes a processor's reply to a notice: while a request is being fulfilled and has a notice waiting, a reply on its
 * thread from the processor's privacy contact is recorded as the answer and wakes the waiting task. A reply from
 * anyone else is left on the request for an operator.
 */
public final class ProcessorNoticeReplies implements ThreadReplyHandler {

    private static final int MAX_ANSWER = 8000;

    private final NoticeExchanges exchanges;
    private final TaskLedger tasks;
    private final AuditTrail audit;
    private final Clock clock;

    public ProcessorNoticeReplies(NoticeExchanges exchanges, TaskLedger tasks, AuditTrail audit, Clock clock) {
        this.exchanges = exchanges;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean handles(SubjectRequest request) {
        return (request.status() == RequestStatus.IN_PROGRESS || request.status() == RequestStatus.AWAITING_MANUAL)
                && !exchanges.open(request.id()).isEmpty();
    }

    @Override
    public String onReply(ThreadReply reply) {
        String sender = reply.senderAddress() == null ? "" : reply.senderAddress().toLowerCase(Locale.ROOT);
        List<NoticeExchanges.Notice> open = exchanges.open(reply.request().id()).stream()
                .filter(n -> n.contact().toLowerCase(Locale.ROOT).equals(sender)).toList();
        if (open.isEmpty() || !reply.match().byHeaders()) {
            return "not a reply from a processor to its notice about this request: left for an operator";
        }
        String text = reply.ownText() == null ? "" : reply.ownText().strip();
        String answer = text.length() > MAX_ANSWER ? text.substring(0, MAX_ANSWER) : text;
        for (NoticeExchanges.Notice notice : open) {
            if (exchanges.answered(notice.taskId(), answer)) {
                tasks.wake(notice.taskId(), clock.instant());
                audit.record(notice.requestId(), "processor-notice", "PROCESSOR_ANSWERED", "task="
                        + notice.taskId() + " system=" + notice.systemId() + " inbound=" + reply.inboundId());
            }
        }
        return "processor's answer recorded on " + open.size() + " task(s)";
    }
}
