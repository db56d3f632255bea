package io.dsrhub.mailbox;

import io.dsrhub.deadline.DeadlineEngine;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.freetext.FreeTextReader;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.reply.Acknowledgements;
import io.dsrhub.reply.Clarifications;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers to the clarification question: a reply that names what the subject wants gives the request its types,
 * moves it back to RECEIVED and acknowledges it (threaded to the reply); a reply that still names nothing is asked
 * again, at most {@code dsr.mailbox.max-clarifications} times in all, then left for an operator.
 */
public final class ClarificationReplies implements ThreadReplyHandler {

    private final DeadlineEngine deadlines;
    private final java.time.Clock clock;

    static final String ACTOR = "intake:email";

    private final FreeTextReader reader;
    private final RequestLedger ledger;
    private final Acknowledgements acknowledgements;
    private final Clarifications clarifications;
    private final int maxClarifications;

    public ClarificationReplies(FreeTextReader reader, RequestLedger ledger, Acknowledgements acknowledgements,
            Clarifications clarifications, DeadlineEngine deadlines, java.time.Clock clock, int maxClarifications) {
        this.deadlines = deadlines;
        this.clock = clock;
        this.reader = reader;
        this.ledger = ledger;
        this.acknowledgements = acknowledgements;
        this.clarifications = clarifications;
        this.maxClarifications = maxClarifications;
    }

    @Override
    public boolean handles(SubjectRequest request) {
        return request.status() == RequestStatus.AWAITING_CLARIFICATION;
    }

    @Override
    public String onReply(ThreadReply reply) {
        if (!reply.trusted()) {
            return "not applied: the reply quotes the reference but comes from another address";
        }
        SubjectRequest request = reply.request();
        List<String> ignored = new ArrayList<>(List.of(reply.controller().contact().email()));
        // a subject that quotes the reference is the hub's own question ("Re: [DSR-...] What would you like ..."):
        // only the writer's words count
        String subject = reply.subject() != null && reply.subject().contains(request.reference()) ? null : reply.subject();
        FreeTextReader.Reading reading = reader.read(subject, reply.ownText(), reply.controller(), ignored);
        if (reading.types().isEmpty()) {
            if (clarifications.askedFor(request.id()) < maxClarifications) {
                clarifications.queue(request, reply.controller(), reply.messageId());
                return "still unclear: asked again";
            }
            return "still unclear: left for an operator";
        }
        ledger.addTypes(request.id(), reading.types().types(), ACTOR);
        List<Identity> offered = reading.identities();
        ledger.addIdentities(request.id(), offered, ACTOR);
        SubjectRequest clarified = ledger.transition(request.id(), RequestStatus.RECEIVED, ACTOR,
                "clarified by reply: types=" + reading.types().types());
        deadlines.resume(request.id(), clock.instant(), ACTOR);
        deadlines.recompute(request.id());
        acknowledgements.queue(clarified, reply.controller(), ledger.dueDates(request.id()), reply.messageId());
        return "clarified: " + reading.types().evidence();
    }
}
