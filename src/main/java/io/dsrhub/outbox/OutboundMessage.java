package io.dsrhub.outbox;

import java.time.Instant;

/** A message the hub has decided to send, as kept in the outbox. */
public record OutboundMessage(
        long id,
        String requestId,
        String kind,
        String sender,
        String recipient,
        String subject,
        String body,
        String messageId,
        String inReplyTo,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {
}
