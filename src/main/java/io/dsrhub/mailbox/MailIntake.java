package io.dsrhub.mailbox;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.deadline.DeadlineEngine;
import io.dsrhub.domain.Channel;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.domain.NewRequest;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.Requester;
import io.dsrhub.domain.RequesterKind;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.evidence.EvidenceStore;
import io.dsrhub.freetext.FreeTextReader;
import io.dsrhub.intake.Registration;
import io.dsrhub.intake.RequestRegistrar;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.mailbox.InboundMessages.AttachmentStatus;
import io.dsrhub.mailbox.InboundMessages.StoredAttachment;
import io.dsrhub.reply.Clarifications;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Decides what a message from a controller's mailbox becomes and records it, in one ledger transaction: a new request
 * (acknowledged, or asked to clarify), a reply on an existing request's thread (handed to its handler), a machine's
 * message (recorded, never answered), or a message for quarantine (recorded with the reason). The transaction starts
 * by claiming the message's key, so a redelivered message, or one another hub instance is taking, is handled once.
 * The message is marked read in the mailbox only after this commits (the mailbox route's consumer does that on
 * completion), so a crash before the commit loses nothing.
 */
public final class MailIntake {

    static final String ACTOR = "intake:email";
    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);
    private static final int MAX_DETAILS = 20_000;
    private static final Duration MAX_ARRIVAL_AGE = Duration.ofDays(366);

    private final ControllerCatalogue controllers;
    private final MailParser parser;
    private final FreeTextReader reader;
    private final AutomatedMail automated;
    private final MailThreads threads;
    private final InboundMessages inbound;
    private final MailAttempts attempts;
    private final RequestRegistrar registrar;
    private final RequestLedger ledger;
    private final AuditTrail audit;
    private final Clarifications clarifications;
    private final ThreadReplies replies;
    private final AttachmentPolicy attachmentPolicy;
    private final EvidenceStore evidence;
    private final LedgerTransactions tx;
    private final DeadlineEngine deadlines;
    private final Clock clock;
    private final int maxAttempts;
    private final List<String> controllerAddresses;

    public MailIntake(ControllerCatalogue controllers, MailParser parser, FreeTextReader reader,
            AutomatedMail automated, MailThreads threads, InboundMessages inbound, MailAttempts attempts,
            RequestRegistrar registrar, RequestLedger ledger, AuditTrail audit, Clarifications clarifications,
            ThreadReplies replies, AttachmentPolicy attachmentPolicy, EvidenceStore evidence, LedgerTransactions tx,
            DeadlineEngine deadlines, Clock clock, int maxAttempts) {
        this.deadlines = deadlines;
        this.controllers = controllers;
        this.parser = parser;
        this.reader = reader;
        this.automated = automated;
        this.threads = threads;
        this.inbound = inbound;
        this.attempts = attempts;
        this.registrar = registrar;
        this.ledger = ledger;
        this.audit = audit;
        this.clarifications = clarifications;
        this.replies = replies;
        this.attachmentPolicy = attachmentPolicy;
        this.evidence = evidence;
        this.tx = tx;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.controllerAddresses = controllers.all().stream()
                .map(c -> c.contact().email().toLowerCase(Locale.ROOT)).toList();
    }

    /** Decides and records what the message becomes; commits before returning. */
    public MailResult take(RawMail raw) {
        int attempt = raw.attempt();
        Controller controller = controllers.require(raw.controllerId());
        String quarantineFolder = controller.mailbox().quarantineFolderOrDefault();
        InboundMail mail = parser.parse(raw);
        Optional<InboundMessage> earlier = inbound.find(mail.messageKey());
        if (earlier.isPresent()) {
            return MailResult.of(earlier.get(), true, attempt, raw.attemptKey(), quarantineFolder, mail);
        }
        Understanding understanding = understand(mail, controller);
        Instant receivedAt = receivedAt(raw);
        try {
            long id = tx.inTransaction(() -> record(mail, controller, understanding, receivedAt, attempt, raw));
            return MailResult.of(inbound.get(id), false, attempt, raw.attemptKey(), quarantineFolder, mail);
        } catch (DuplicateKeyException taken) {
            InboundMessage other = inbound.find(mail.messageKey()).orElseThrow(() -> taken);
            return MailResult.of(other, true, attempt, raw.attemptKey(), quarantineFolder, mail);
        }
    }

    /**
     * Writes the accepted attachments of a message to the evidence bucket. Runs after the commit; an attachment left
     * pending by a crash is written when the message comes round again. After the last attempt a failing write is
     * recorded as FAILED instead of holding the message back for ever.
     */
    public MailResult keepEvidence(MailResult result) {
        if (result.requestId() == null || result.outcome() == MailOutcome.QUARANTINED
                || result.outcome() == MailOutcome.IGNORED) {
            return result;
        }
        for (StoredAttachment stored : inbound.attachments(result.inboundId())) {
            if (stored.status() != AttachmentStatus.PENDING) {
                continue;
            }
            Optional<MailAttachment> content = result.mail().attachments().stream()
                    .filter(a -> a.index() == stored.partIndex() && a.wasRead()).findFirst();
            if (content.isEmpty() || !sha256(content.get().bytes()).equals(stored.sha256())) {
                finishAttachment(stored, AttachmentStatus.FAILED, "content no longer available", result.requestId());
                continue;
            }
            try {
                evidence.put(stored.objectKey(), content.get().bytes(), stored.contentType(), stored.sha256());
            } catch (RuntimeException e) {
                if (result.attempt() < maxAttempts) {
                    throw e;
                }
                finishAttachment(stored, AttachmentStatus.FAILED, "could not be stored after " + result.attempt()
                        + " attempts: " + e.getClass().getSimpleName(), result.requestId());
                continue;
            }
            finishAttachment(stored, AttachmentStatus.STORED, null, result.requestId());
        }
        return result;
    }

    /** The message is done: forget its attempts. */
    public MailResult finish(MailResult result) {
        attempts.clear(result.attemptKey());
        LOG.info("mail {} in mailbox {}: {}{}{}", result.inboundId(), result.mail().controllerId(), result.outcome(),
                result.requestId() == null ? "" : " request " + result.requestId(),
                result.repeated() ? " (seen before)" : "");
        return result;
    }

    private void finishAttachment(StoredAttachment stored, AttachmentStatus status, String reason, String requestId) {
        tx.run(() -> {
            inbound.markAttachment(stored.id(), status, reason);
            audit.record(requestId, ACTOR, status == AttachmentStatus.STORED ? "EVIDENCE_STORED" : "EVIDENCE_FAILED",
                    "attachment " + stored.id() + " (" + stored.sizeBytes() + " bytes, sha256 " + stored.sha256() + ")"
                            + (reason == null ? "" : ": " + reason));
        });
    }

    // ---- the transaction -------------------------------------------------------------------------------------

    private long record(InboundMail mail, Controller controller, Understanding understanding, Instant receivedAt,
            int attempt, RawMail raw) {
        long id = inbound.claim(mail, receivedAt);
        if (attempt > maxAttempts) {
            String error = attempts.lastError(raw.attemptKey()).filter(e -> !e.isBlank()).orElse("no error recorded");
            return quarantine(id, mail, "failed " + (attempt - 1) + " times; last error: " + error);
        }
        Optional<String> machine = automated.reasonFor(mail);
        if (machine.isEmpty() && threads.isHubMessage(mail.messageId())) {
            machine = Optional.of("the hub's own message (its Message-ID is in the outbox)");
        }
        if (machine.isPresent()) {
            return ignore(id, mail, machine.get());
        }
        Optional<String> unusable = unusable(mail);
        if (unusable.isPresent()) {
            return quarantine(id, mail, unusable.get());
        }
        Optional<ThreadMatch> match = threads.find(mail);
        if (match.isPresent()) {
            return onThread(id, mail, controller, match.get(), understanding);
        }
        return newRequest(id, mail, controller, understanding, receivedAt);
    }

    private Optional<String> unusable(InboundMail mail) {
        if (mail.headersOnly()) {
            return Optional.of("message of " + mail.size() + " bytes is over the size limit; left unread");
        }
        if (mail.senderAddress() == null) {
            return Optional.of("no sender address (From and Reply-To missing or unreadable)");
        }
        if (controllerAddresses.contains(mail.senderAddress())) {
            return Optional.of("replies would go to a controller's own address");
        }
        if (mail.text().isBlank() && mail.subject().isBlank() && !mail.problems().isEmpty()) {
            return Optional.of("no readable text: " + String.join("; ", mail.problems()));
        }
        return Optional.empty();
    }

    private long quarantine(long id, InboundMail mail, String reason) {
        inbound.complete(id, MailOutcome.QUARANTINED, null, reason, null, null, null, null, mail.text());
        LOG.warn("mail {} in mailbox {} quarantined: {}", id, mail.controllerId(), reason);
        return id;
    }

    private long ignore(long id, InboundMail mail, String reason) {
        Optional<ThreadMatch> match = threads.findQuoted(mail);
        String requestId = match.map(ThreadMatch::requestId).orElse(null);
        inbound.complete(id, MailOutcome.IGNORED, requestId, reason, match.orElse(null), null, null, null, mail.text());
        if (requestId != null) {
            audit.record(requestId, ACTOR, "AUTOMATED_MAIL_RECEIVED", "inbound " + id + ": " + reason);
        }
        return id;
    }

    private long onThread(long id, InboundMail mail, Controller controller, ThreadMatch match,
            Understanding understanding) {
        SubjectRequest request = ledger.find(match.requestId()).orElseThrow();
        boolean senderMatches = MailThreads.senderMatches(request, mail.senderAddress());
        audit.record(request.id(), ACTOR, "MAIL_RECEIVED", "inbound " + id + " on the thread (" + match.matchedBy()
                + (senderMatches ? ", from the request's address" : ", from another address") + ")");
        ThreadReply reply = new ThreadReply(request, controller, id, mail.messageId(), mail.senderAddress(),
                senderMatches, match, mail.subject(), understanding.ownText(), mail);
        String recorded = replies.recordedText(reply);
        String handled = replies.dispatch(reply)
                .orElse("recorded on the request (no handler for status " + request.status() + ")");
        inbound.complete(id, MailOutcome.THREAD_REPLY, request.id(), handled, match, senderMatches,
                understanding.reading().language(), null, recorded);
        keepAttachments(id, request.id(), mail);
        return id;
    }

    private long newRequest(long id, InboundMail mail, Controller controller, Understanding understanding,
            Instant receivedAt) {
        FreeTextReader.Reading reading = understanding.reading();
        RequesterKind kind = reading.requester();
        String requesterAddress = mail.senderAddress();
        if (ForwardedMail.isStaff(mail.senderAddress(), controller)) {
            Optional<String> original = ForwardedMail.originalSender(mail.text(), reader.phraseBook());
            if (original.isPresent() && !controllerAddresses.contains(original.get())) {
                requesterAddress = original.get();
            }
        }
        Set<Identity> identities = new LinkedHashSet<>();
        if (kind == RequesterKind.SUBJECT && IdentityType.EMAIL.accepts(requesterAddress)) {
            identities.add(Identity.raw(IdentityType.EMAIL, requesterAddress));
        }
        for (Identity identity : reading.identities()) {
            boolean isRequester = identity.type() == IdentityType.EMAIL && identity.value().equals(requesterAddress);
            boolean isStaff = identity.type() == IdentityType.EMAIL && identity.value().equals(mail.senderAddress())
                    && !requesterAddress.equals(mail.senderAddress());
            if ((kind == RequesterKind.SUBJECT || !isRequester) && !isStaff) {
                identities.add(identity);
            }
        }
        String name = requesterAddress.equals(mail.senderAddress()) ? mail.senderName() : null;
        NewRequest request = new NewRequest(controller.id(), reading.types().types(), List.copyOf(identities),
                new Requester(kind, name, requesterAddress), null, null, reading.language(),
                clip(understanding.ownText(), MAX_DETAILS), Channel.EMAIL, mail.messageKey(), null, receivedAt);
        Registration registration = registrar.register(request, mail.messageId());
        SubjectRequest saved = registration.request();
        MailOutcome outcome = MailOutcome.NEW_REQUEST;
        if (registration.created() && reading.types().isEmpty()) {
            saved = ledger.transition(saved.id(), RequestStatus.AWAITING_CLARIFICATION, ACTOR,
                    "no request type found in the message");
            // where the regime allows it, the clock stops while we wait for the requester's answer
            deadlines.pause(saved.id(), clock.instant(), ACTOR, "awaiting clarification");
            clarifications.queue(saved, controller, mail.messageId());
            outcome = MailOutcome.AWAITING_CLARIFICATION;
        }
        audit.record(saved.id(), ACTOR, "MAIL_RECEIVED", "inbound " + id + " opened the request");
        inbound.complete(id, outcome, saved.id(), null, null, true, reading.language(),
                String.join("; ", reading.types().evidence()) + "; requester=" + kind.code(),
                understanding.ownText());
        keepAttachments(id, saved.id(), mail);
        return id;
    }

    private void keepAttachments(long inboundId, String requestId, InboundMail mail) {
        for (MailAttachment attachment : mail.attachments()) {
            Optional<String> refusal = attachmentPolicy.refusal(attachment);
            String sha = attachment.wasRead() ? sha256(attachment.bytes()) : null;
            if (refusal.isPresent()) {
                inbound.addAttachment(inboundId, requestId, attachment, sha, null, AttachmentStatus.REJECTED,
                        refusal.get());
                audit.record(requestId, ACTOR, "EVIDENCE_REJECTED", "attachment " + attachment.index() + " of inbound "
                        + inboundId + ": " + refusal.get());
            } else {
                inbound.addAttachment(inboundId, requestId, attachment, sha, evidence.newKey(requestId),
                        AttachmentStatus.PENDING, null);
            }
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private Understanding understand(InboundMail mail, Controller controller) {
        String ownText = reader.newText(mail.text());
        List<String> ignored = new ArrayList<>(controllerAddresses);
        FreeTextReader.Reading reading = reader.read(mail.subject(), ownText, controller, ignored);
        return new Understanding(ownText, reading);
    }

    private Instant receivedAt(RawMail raw) {
        Instant now = clock.instant();
        Instant arrived = raw.arrivedAt();
        if (arrived == null || arrived.isAfter(now) || arrived.isBefore(now.minus(MAX_ARRIVAL_AGE))) {
            return now;
        }
        return arrived;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** The writer's own text and what it says. */
    private record Understanding(String ownText, FreeTextReader.Reading reading) {
    }
}
