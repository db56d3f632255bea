package io.dsrhub.mailbox;

/** What an inbound message became. */
public enum MailOutcome {
    /** a new request, acknowledged */
    NEW_REQUEST,
    /** a new request whose type could not be told; the subject was asked to clarify */
    AWAITING_CLARIFICATION,
    /** a reply on the thread of an existing request, attached to it */
    THREAD_REPLY,
    /** sent by a machine (bounce, auto-reply, mailing list, loop, the hub itself): recorded, never answered */
    IGNORED,
    /** could not be handled: moved to the quarantine folder with the reason */
    QUARANTINED
}
