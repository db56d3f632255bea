package io.dsrhub.ledger;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.RequestType;

/** What an operator asks the ledger for; null fields do not filter. */
public record RequestFilter(String controllerId, RequestStatus status, RequestType type, int limit, int offset) {
}
