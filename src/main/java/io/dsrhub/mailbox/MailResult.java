package io.dsrhub.mailbox;

/**
 * What became of a message taken from a mailbox: what the mailbox route does next (keep evidence, move the message
 * to the quarantine folder) depends on it.
 *
 * @param repeated         true when the message had been handled before (a redelivery, or another hub instance)
 * @param attempt          how many times the hub has started on this message, this time included
 * @param quarantineFolder where the consumer moves the message, or null to leave it (marked read) where it is
 */
public record MailResult(long inboundId, MailOutcome outcome, String requestId, String reason, boolean repeated,
        int attempt, String attemptKey, String quarantineFolder, InboundMail mail) {

    static MailResult of(InboundMessage record, boolean repeated, int attempt, String attemptKey,
            String quarantineFolder, InboundMail mail) {
        return new MailResult(record.id(), record.outcome(), record.requestId(), record.reason(), repeated, attempt,
                attemptKey, record.outcome() == MailOutcome.QUARANTINED ? quarantineFolder : null, mail);
    }

    @Override
    public String toString() {
        return "MailResult[inbound " + inboundId + ", " + outcome + (repeated ? ", repeated" : "")
                + (requestId == null ? "" : ", request " + requestId) + "]";
    }
}
