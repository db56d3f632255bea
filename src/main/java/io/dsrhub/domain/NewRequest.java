package io.dsrhub.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A request as intake understood it, before the ledger gives it an id.
 *
 * @param idempotencyKey a key that identifies this submission across retries (form token, Idempotency-Key header,
 *                       OpenDSR subject_request_id, Message-ID); never null
 * @param externalId     the caller's own id for the request (OpenDSR subject_request_id), if any
 */
public record NewRequest(
        String controllerId,
        Set<RequestType> types,
        List<Identity> identities,
        Requester requester,
        String country,
        String jurisdiction,
        String language,
        String details,
        Channel channel,
        String idempotencyKey,
        String externalId,
        Instant receivedAt) {

    /** Where acknowledgements and replies go: the requester's own address, else the subject's e-mail identity. */
    public Optional<String> replyAddress() {
        if (requester != null && requester.email() != null && !requester.email().isBlank()) {
            return Optional.of(requester.email());
        }
        return identities.stream()
                .filter(i -> i.type() == IdentityType.EMAIL && i.isRaw())
                .map(Identity::value)
                .findFirst();
    }
}
