package io.dsrhub.deadline.escalation;

/** Which deadline of a request a notice is about. */
public enum DeadlineTrack {
    /** the effective deadline for the answer ({@code subject_request.due_at}) */
    RESPONSE,
    /** the deadline to acknowledge receipt (CCPA: 10 business days), while no acknowledgement has been sent */
    ACKNOWLEDGEMENT
}
