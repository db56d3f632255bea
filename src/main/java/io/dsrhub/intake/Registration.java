package io.dsrhub.intake;

import io.dsrhub.domain.SubjectRequest;

/**
 * The outcome of registering a submission.
 *
 * @param created false when the idempotency key had been taken already and {@code request} is the earlier one
 */
public record Registration(SubjectRequest request, boolean created, String statusToken) {
}
