package io.dsrhub.verification;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.mailbox.ThreadReply;
import io.dsrhub.mailbox.ThreadReplyHandler;
import java.util.Optional;

/**
 * "Reply with the code": a reply on the thread of a request awaiting verification is searched for a code, which
 * counts as an attempt like one typed on the status page. The record of the reply keeps its text with the code
 * removed.
 */
public final class VerificationReplies implements ThreadReplyHandler {

    private final IdentityVerification verification;

    public VerificationReplies(IdentityVerification verification) {
        this.verification = verification;
    }

    @Override
    public boolean handles(SubjectRequest request) {
        return request.status() == RequestStatus.AWAITING_VERIFICATION;
    }

    @Override
    public String onReply(ThreadReply reply) {
        if (!reply.trusted()) {
            return "not applied: the reply quotes the reference but comes from another address";
        }
        Optional<String> code = VerificationCodes.findIn(reply.ownText());
        if (code.isEmpty()) {
            return "no verification code found in the reply";
        }
        CodeResult result = verification.enterCode(reply.request().id(), code.get(), "reply " + reply.inboundId());
        return switch (result.kind()) {
            case ACCEPTED -> "verification code accepted: request " + result.status();
            case WRONG -> "wrong verification code (" + result.attemptsLeft() + " attempts left)";
            case LOCKED -> "verification code blocked after too many wrong codes";
            case EXPIRED -> "verification code expired";
            case NOT_AWAITING -> "no code awaited";
        };
    }

    @Override
    public String recordedText(String ownText) {
        return VerificationCodes.redact(ownText);
    }
}
