package io.dsrhub.connector.notice;

import io.dsrhub.connector.Connector;
import io.dsrhub.connector.ConnectorRejection;
import io.dsrhub.connector.TaskOutcome;
import io.dsrhub.connector.TaskReport;
import io.dsrhub.connector.TaskWaiting;
import io.dsrhub.connector.TaskWork;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.fulfilment.SystemContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A processor without an API: the task e-mails a notice to its privacy contact and waits in the ledger (no worker,
 * no lease). The processor's reply, threaded back by the mailbox, wakes the task, which then finishes with the
 * answer in its report; with no answer after {@code remind-after} a reminder goes out on the same thread, and after
 * {@code max-reminders} the task dies and is escalated to the privacy officer.
 */
public final class NoticeConnector implements Connector {

    private final String systemId;
    private final String processor;
    private final String contact;
    private final Set<IdentityType> identifiers;
    private final DataCategories categories;
    private final Duration remindAfter;
    private final int maxReminders;
    private final SystemContext context;

    NoticeConnector(String systemId, String processor, String contact, Set<IdentityType> identifiers,
            DataCategories categories, Duration remindAfter, int maxReminders, SystemContext context) {
        this.systemId = systemId;
        this.processor = processor;
        this.contact = contact;
        this.identifiers = identifiers;
        this.categories = categories;
        this.remindAfter = remindAfter;
        this.maxReminders = maxReminders;
        this.context = context;
    }

    @Override
    public String kind() {
        return "notice";
    }

    @Override
    public void verify() {
        // nothing to reach before the first notice: the outbox delivers it
    }

    @Override
    public boolean holds(DataCategories requested) {
        return requested.overlaps(categories);
    }

    @Override
    public boolean automates(TaskAction action) {
        return action == TaskAction.FIND || action == TaskAction.EXPORT || action == TaskAction.ERASE;
    }

    @Override
    public TaskOutcome run(TaskWork work) {
        ProcessorNotices notices = context.bean(ProcessorNotices.class);
        List<Identity> held = work.identities().stream()
                .filter(i -> i.isRaw() && identifiers.contains(i.type())).toList();
        var notice = notices.exchanges().find(work.taskId());
        Instant now = context.clock().instant();
        if (notice.isEmpty()) {
            if (held.isEmpty()) {
                return new TaskOutcome(TaskStatus.NOT_FOUND, report(work, null, "not-asked",
                        "the request carries none of the identifiers " + processor + " holds " + codes()), List.of());
            }
            notices.send(work.taskId(), work.requestId(), systemId, processor, contact, work.action().code(), held);
            notice = notices.exchanges().find(work.taskId());
            throw new TaskWaiting("notice sent to the processor", now.plus(remindAfter),
                    report(work, notice.orElseThrow(), "notified", null));
        }
        NoticeExchanges.Notice sent = notice.get();
        if (NoticeExchanges.ANSWERED.equals(sent.status())) {
            return new TaskOutcome(TaskStatus.DONE, report(work, sent, "answered", "the processor answered; its "
                    + "answer is in processor.notice.answer"), List.of());
        }
        Instant last = sent.lastReminderAt() != null ? sent.lastReminderAt() : sent.sentAt();
        Instant due = last.plus(remindAfter);
        if (now.isBefore(due)) {
            throw new TaskWaiting("waiting for the processor's answer", due, report(work, sent, "notified", null));
        }
        if (sent.reminders() >= maxReminders) {
            throw new ConnectorRejection(processor + " did not answer the notice and " + sent.reminders()
                    + " reminder(s)");
        }
        notices.remind(sent, processor, work.action().code(), held);
        NoticeExchanges.Notice reminded = notices.exchanges().find(work.taskId()).orElseThrow();
        throw new TaskWaiting("reminder " + reminded.reminders() + " sent to the processor", now.plus(remindAfter),
                report(work, reminded, "reminded", null));
    }

    private TaskReport report(TaskWork work, NoticeExchanges.Notice notice, String status, String note) {
        TaskReport.NoticeReport sent = notice == null ? null : new TaskReport.NoticeReport(notice.contact(),
                codes(), notice.sentAt(), notice.reminders(), notice.lastReminderAt(), notice.answeredAt(),
                notice.answer());
        TaskReport.ProcessorReport processorReport = new TaskReport.ProcessorReport(processor, "notice", null,
                null, status, null, null, sent);
        return new TaskReport(systemId, kind(), work.action().code(), work.categories().targets(), null, null, null,
                null, note, context.clock().instant(), processorReport, null);
    }

    private List<String> codes() {
        return identifiers.stream().map(IdentityType::code).sorted().toList();
    }

    @Override
    public void close() {
        // nothing held
    }
}
