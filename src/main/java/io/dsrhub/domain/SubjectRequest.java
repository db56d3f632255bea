package io.dsrhub.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A request as the ledger holds it. */
public record SubjectRequest(
        String id,
        String reference,
        String controllerId,
        Channel channel,
        RequestStatus status,
        Requester requester,
        String replyTo,
        String country,
        String jurisdiction,
        String language,
        String details,
        String externalId,
        Instant receivedAt,
        Instant updatedAt,
        Instant dueAt,
        Set<RequestType> types,
        List<Identity> identities) {
}
