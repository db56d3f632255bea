package io.dsrhub.verification;

import io.dsrhub.outbox.OutboundMessage;

/**
 * Puts the codes and links into a verification mail on its way to the SMTP server (the {@code deliver-outbox}
 * route calls it before composing); the outbox itself only ever holds placeholders.
 */
public final class OutboundCodes {

    private final VerificationCodes codes;

    public OutboundCodes(VerificationCodes codes) {
        this.codes = codes;
    }

    public OutboundMessage reveal(OutboundMessage message) {
        if (!VerificationMails.CODE_KIND.equals(message.kind())) {
            return message;
        }
        return new OutboundMessage(message.id(), message.requestId(), message.kind(), message.sender(),
                message.recipient(), message.subject(), codes.reveal(message.requestId(), message.body()),
                message.messageId(), message.inReplyTo(), message.status(), message.attempts(), message.lastError(),
                message.createdAt(), message.sentAt());
    }
}
