package io.dsrhub.mailbox;

import java.time.Instant;

/** An inbound message as the ledger records it (see {@link InboundMessages}). */
public record InboundMessage(
        long id,
        String messageKey,
        String controllerId,
        String messageId,
        String requestId,
        MailOutcome outcome,
        String reason,
        String matchedBy,
        String sender,
        Boolean senderMatches,
        String subject,
        String language,
        String classification,
        String bodyText,
        long sizeBytes,
        Instant receivedAt) {

    @Override
    public String toString() {
        return "InboundMessage[" + id + ", " + outcome + ", request " + requestId + "]";
    }
}
