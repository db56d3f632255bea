package io.dsrhub.verification;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.deadline.DeadlineEngine;
import io.dsrhub.domain.Channel;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.RequesterKind;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Proves that a requester controls the identity, at the level the request needs (docs/verification.md):
 * <ul>
 *   <li>a new request is challenged: its code goes to the e-mail on file (or, for a subject not on file, to the
 *   address given), and the request waits in AWAITING_VERIFICATION; level 1 requests that came by e-mail from the
 *   address given are verified by that; agents and guardians go to an operator first;</li>
 *   <li>a right code (by link, status page or reply) verifies the request, or, at level 3 without a matching data
 *   point, sends it to an operator review; wrong codes are counted and block the code after the last attempt;</li>
 *   <li>requests that stay unverified are closed after a number of days with a notice.</li>
 * </ul>
 * Each step runs in one transaction that holds the request's row, so several hub instances act on a request once.
 */
public final class IdentityVerification {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityVerification.class);
    static final String ACTOR = "verification";

    private final JdbcClient jdbc;
    private final LedgerTransactions tx;
    private final RequestLedger ledger;
    private final AuditTrail audit;
    private final ControllerCatalogue controllers;
    private final AccountDirectory accounts;
    private final ChallengeLedger challenges;
    private final VerificationCodes codes;
    private final VerificationMails mails;
    private final DeadlineEngine deadlines;
    private final VerificationSettings settings;
    private final Clock clock;

    public IdentityVerification(JdbcClient jdbc, LedgerTransactions tx, RequestLedger ledger, AuditTrail audit,
            ControllerCatalogue controllers, AccountDirectory accounts, ChallengeLedger challenges,
            VerificationCodes codes, VerificationMails mails, DeadlineEngine deadlines, VerificationSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.audit = audit;
        this.controllers = controllers;
        this.accounts = accounts;
        this.challenges = challenges;
        this.codes = codes;
        this.mails = mails;
        this.deadlines = deadlines;
        this.settings = settings;
        this.clock = clock;
    }

    // --- new requests ---------------------------------------------------------------------------------------

    /** Received requests that know what they ask for, oldest first. */
    public List<String> due(int limit) {
        return jdbc.sql("SELECT r.id FROM subject_request r WHERE r.status = 'RECEIVED' AND EXISTS "
                        + "(SELECT 1 FROM request_type t WHERE t.request_id = r.id) ORDER BY r.received_at LIMIT :n")
                .param("n", limit).query(String.class).list();
    }

    public int challengeDue(int limit) {
        int done = 0;
        for (String id : due(limit)) {
            try {
                if (challenge(id)) {
                    done++;
                }
            } catch (RuntimeException e) {
                LOG.error("verification of request {} could not start: {}", id, e.getClass().getSimpleName(), e);
            }
        }
        return done;
    }

    /** Starts verification of one received request, unless another instance holds or did it. */
    public boolean challenge(String requestId) {
        return tx.inTransaction(() -> {
            if (!lock(requestId, RequestStatus.RECEIVED)) {
                return false;
            }
            SubjectRequest request = ledger.find(requestId).orElseThrow();
            Controller controller = controllers.require(request.controllerId());
            int level = controller.verification().levelFor(request.types());
            String subjectEmail = subjectEmail(request);
            Optional<AccountOnFile> account = accounts.lookup(controller, subjectEmail);
            challenges.start(requestId, level, account.isPresent(), account.map(AccountOnFile::reference).orElse(null));
            RequesterKind kind = request.requester().kind();
            if (kind != RequesterKind.SUBJECT) {
                toApproval(request, kind == RequesterKind.AGENT
                        ? "authorised agent: the signed permission (or power of attorney) is to be checked"
                        : "parent or guardian: proof of the relationship is to be checked (minors at "
                                + controller.id() + " are under " + (controller.minors() == null ? "?"
                                : controller.minors().age()) + ")");
                return true;
            }
            if (level == 1 && request.channel() == Channel.EMAIL && subjectEmail != null
                    && subjectEmail.equalsIgnoreCase(request.replyTo())) {
                verified(request, "level 1: the request came from the e-mail address it names");
                return true;
            }
            String recipient = account.map(AccountOnFile::email).orElse(subjectEmail);
            if (recipient == null) {
                toApproval(request, "no e-mail address to send a code to");
                return true;
            }
            sendCode(request, controller, recipient, "level " + level);
            return true;
        });
    }

    /** A new code for a request awaiting verification (the old one no longer works). */
    public boolean newCode(String requestId) {
        return tx.inTransaction(() -> {
            if (!lock(requestId, RequestStatus.AWAITING_VERIFICATION)) {
                return false;
            }
            SubjectRequest request = ledger.find(requestId).orElseThrow();
            Controller controller = controllers.require(request.controllerId());
            sendCode(request, controller, recipientOf(request, controller), "new code asked for");
            return true;
        });
    }

    private void sendCode(SubjectRequest request, Controller controller, String recipient, String why) {
        String challengeId = challenges.issue(request.id(), settings.codeValidity());
        if (request.status() != RequestStatus.AWAITING_VERIFICATION) {
            ledger.transition(request.id(), RequestStatus.AWAITING_VERIFICATION, ACTOR, "code sent (" + why + ")");
            challenges.requested(request.id());
            if (settings.pauseClock()) {
                deadlines.pause(request.id(), clock.instant(), ACTOR, "waiting for the requester to confirm identity");
            }
        } else {
            audit.record(request.id(), ACTOR, "VERIFICATION_CODE_SENT", "challenge " + challengeId + " (" + why + ")");
        }
        mails.queueCode(request, controller, challengeId, recipient, settings.codeValidity(),
                settings.expireAfterDays());
        LOG.info("verification code sent for request {} ({})", request.reference(), why);
    }

    private String recipientOf(SubjectRequest request, Controller controller) {
        String subjectEmail = subjectEmail(request);
        return accounts.lookup(controller, subjectEmail).map(AccountOnFile::email).orElse(subjectEmail);
    }

    /** The subject's own address: the first e-mail identity, else (for a subject writing themselves) the reply address. */
    static String subjectEmail(SubjectRequest request) {
        return request.identities().stream().filter(i -> i.type() == IdentityType.EMAIL && i.isRaw())
                .map(Identity::value).findFirst()
                .orElse(request.requester().isSubject() ? request.replyTo() : null);
    }

    // --- codes ------------------------------------------------------------------------------------------------

    /** A code typed on the status page or sent in a reply. */
    public CodeResult enterCode(String requestId, String entered, String via) {
        return attempt(requestId, c -> codes.codeMatches(c.codeHash(), entered), via);
    }

    /** The link of the code mail, confirmed. */
    public CodeResult followLink(String requestId, String token, String via) {
        return attempt(requestId, c -> codes.linkMatches(c.id(), token), via);
    }

    private CodeResult attempt(String requestId, Predicate<Challenge> matches, String via) {
        return tx.inTransaction(() -> {
            List<String> row = jdbc.sql("SELECT status FROM subject_request WHERE id = :id FOR UPDATE")
                    .param("id", requestId).query(String.class).list();
            if (row.isEmpty()) {
                return new CodeResult(CodeResult.Kind.NOT_AWAITING, 0, null);
            }
            RequestStatus status = RequestStatus.valueOf(row.get(0));
            Optional<Challenge> latest = challenges.latest(requestId);
            if (status != RequestStatus.AWAITING_VERIFICATION || latest.isEmpty()) {
                return new CodeResult(CodeResult.Kind.NOT_AWAITING, 0, status);
            }
            Challenge challenge = latest.get();
            switch (challenge.state()) {
                case LOCKED:
                    return new CodeResult(CodeResult.Kind.LOCKED, 0, status);
                case EXPIRED:
                    return new CodeResult(CodeResult.Kind.EXPIRED, 0, status);
                case USED:
                case SUPERSEDED:
                    return new CodeResult(CodeResult.Kind.NOT_AWAITING, 0, status);
                default:
                    break;
            }
            if (challenge.expiredAt(clock.instant())) {
                challenges.mark(challenge.id(), Challenge.State.EXPIRED);
                audit.record(requestId, ACTOR, "VERIFICATION_CODE_EXPIRED", "challenge " + challenge.id()
                        + " tried after it expired (" + via + ")");
                return new CodeResult(CodeResult.Kind.EXPIRED, 0, status);
            }
            if (matches.test(challenge)) {
                challenges.mark(challenge.id(), Challenge.State.USED);
                audit.record(requestId, ACTOR, "VERIFICATION_CODE_ACCEPTED", "challenge " + challenge.id() + " by "
                        + via);
                SubjectRequest after = finish(ledger.find(requestId).orElseThrow());
                return new CodeResult(CodeResult.Kind.ACCEPTED, 0, after.status());
            }
            int tried = challenge.attempts() + 1;
            if (tried >= settings.maxAttempts()) {
                challenges.attempted(challenge.id(), Challenge.State.LOCKED);
                audit.record(requestId, ACTOR, "VERIFICATION_LOCKED", "challenge " + challenge.id() + " blocked after "
                        + tried + " wrong codes (" + via + ")");
                LOG.warn("verification of request {} blocked after {} wrong codes", requestId, tried);
                return new CodeResult(CodeResult.Kind.LOCKED, 0, status);
            }
            challenges.attempted(challenge.id(), Challenge.State.OPEN);
            audit.record(requestId, ACTOR, "VERIFICATION_CODE_WRONG", "challenge " + challenge.id() + ": wrong code "
                    + tried + " of " + settings.maxAttempts() + " (" + via + ")");
            return new CodeResult(CodeResult.Kind.WRONG, settings.maxAttempts() - tried, status);
        });
    }

    /** After a right code: verified, or (level 3 without a matching data point, rule for unknown subjects) reviewed. */
    private SubjectRequest finish(SubjectRequest request) {
        Controller controller = controllers.require(request.controllerId());
        VerificationRecord record = challenges.record(request.id()).orElseThrow();
        if (!request.requester().isSubject()) {
            return verified(request, "the subject confirmed the request made for them (operator approved the "
                    + request.requester().kind().code() + ")");
        }
        if (!record.onFile()) {
            if (controller.verification().unknownSubjects() == VerificationPolicy.UnknownSubjects.OPERATOR_REVIEW) {
                return toApproval(request, "control of the e-mail address confirmed; not on file: operator review");
            }
            return verified(request, "control of the e-mail address given confirmed; the subject is not on file");
        }
        if (record.level() >= 3) {
            AccountOnFile account = new AccountOnFile(record.accountRef(), null);
            List<Identity> points = request.identities().stream()
                    .filter(i -> controller.verification().dataPointQuery(i.type()) != null).toList();
            Optional<Identity> matched = points.stream().filter(p -> accounts.matches(controller, account, p))
                    .findFirst();
            if (matched.isPresent()) {
                return verified(request, "level 3: code confirmed and " + matched.get().type().code()
                        + " matched in " + controller.verification().accountLookup().system());
            }
            return toApproval(request, "level 3: code confirmed but " + (points.isEmpty() ? "no data point ("
                    + String.join(", ", controller.verification().dataPointNames()) + ") was given"
                    : "no data point given matched the account") + ": operator review");
        }
        return verified(request, "level " + record.level() + ": code confirmed");
    }

    SubjectRequest verified(SubjectRequest request, String reason) {
        Instant now = clock.instant();
        SubjectRequest after = ledger.transition(request.id(), RequestStatus.VERIFIED, ACTOR, reason);
        challenges.complete(request.id(), "VERIFIED");
        deadlines.resume(request.id(), now, ACTOR);
        deadlines.verified(request.id(), now);
        return after;
    }

    SubjectRequest toApproval(SubjectRequest request, String reason) {
        SubjectRequest after = ledger.transition(request.id(), RequestStatus.AWAITING_APPROVAL, ACTOR, reason);
        challenges.outcome(request.id(), "OPERATOR_REVIEW");
        deadlines.resume(request.id(), clock.instant(), ACTOR);
        return after;
    }

    // --- operator decisions -----------------------------------------------------------------------------------

    /**
     * An operator's decision on a request awaiting approval. Approving an agent's request without a power of
     * attorney asks the subject to confirm it (a code to the subject's address); otherwise approval verifies it.
     *
     * @return the request afterwards, or empty when it is not awaiting approval
     */
    public Optional<SubjectRequest> decide(String requestId, String operator, boolean approve, String reason,
            boolean powerOfAttorney) {
        return tx.inTransaction(() -> {
            if (!lock(requestId, RequestStatus.AWAITING_APPROVAL)) {
                return Optional.empty();
            }
            SubjectRequest request = ledger.find(requestId).orElseThrow();
            Controller controller = controllers.require(request.controllerId());
            audit.record(requestId, operator, approve ? "VERIFICATION_APPROVED" : "VERIFICATION_REJECTED",
                    "reason=" + reason + (powerOfAttorney ? "; power of attorney" : ""));
            if (!approve) {
                challenges.complete(requestId, "REJECTED");
                SubjectRequest rejected = ledger.transition(requestId, RequestStatus.REJECTED, operator,
                        "identity or authority not verified: " + reason);
                mails.queueRejected(rejected, controller, reason);
                return Optional.of(rejected);
            }
            boolean subjectConfirmed = challenges.latest(requestId).map(c -> c.state() == Challenge.State.USED)
                    .orElse(false);
            if (request.requester().kind() == RequesterKind.AGENT && !powerOfAttorney && !subjectConfirmed) {
                String recipient = recipientOf(request, controller);
                if (recipient != null) {
                    challenges.outcome(requestId, "APPROVED");
                    sendCode(request, controller, recipient, "the subject confirms the agent's request");
                    return ledger.find(requestId);
                }
            }
            return Optional.of(verified(request, "approved by " + operator + ": " + reason));
        });
    }

    // --- expiry -----------------------------------------------------------------------------------------------

    /** Closes requests that stayed unverified too long, each with a notice; returns how many. */
    public int expireDue(int limit) {
        Instant before = clock.instant().minus(java.time.Duration.ofDays(settings.expireAfterDays()));
        int expired = 0;
        for (String id : challenges.awaitingSince(before, limit)) {
            boolean done = tx.inTransaction(() -> {
                if (!lock(id, RequestStatus.AWAITING_VERIFICATION)) {
                    return false;
                }
                SubjectRequest request = ledger.find(id).orElseThrow();
                SubjectRequest after = ledger.transition(id, RequestStatus.EXPIRED_UNVERIFIED, ACTOR,
                        "not verified within " + settings.expireAfterDays() + " days");
                challenges.latest(id).filter(c -> c.state() == Challenge.State.OPEN)
                        .ifPresent(c -> challenges.mark(c.id(), Challenge.State.EXPIRED));
                challenges.complete(id, "EXPIRED");
                mails.queueExpired(after, controllers.require(request.controllerId()), settings.expireAfterDays());
                return true;
            });
            if (done) {
                expired++;
                LOG.info("request {} expired unverified", id);
            }
        }
        return expired;
    }

    private boolean lock(String requestId, RequestStatus status) {
        return !jdbc.sql("SELECT id FROM subject_request WHERE id = :id AND status = :status FOR UPDATE SKIP LOCKED")
                .param("id", requestId).param("status", status.name()).query(String.class).list().isEmpty();
    }
}
