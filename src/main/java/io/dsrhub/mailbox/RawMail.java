package io.dsrhub.mailbox;

import java.time.Instant;

/**
 * A message as fetched from a controller's mailbox, before it is understood.
 *
 * @param attemptKey  identifies the message in its mailbox (UIDVALIDITY and UID), for counting attempts
 * @param attempt     how many times the hub has started on this message, this time included
 * @param bytes       the whole message, or only its header when it is over the size limit
 * @param headersOnly whether the body was left on the server because the message is too large
 * @param size        the size the server reports
 * @param arrivedAt   when the server received it (IMAP INTERNALDATE), or null
 */
public record RawMail(String controllerId, String attemptKey, int attempt, byte[] bytes, boolean headersOnly,
        long size, Instant arrivedAt) {

    @Override
    public String toString() {
        return "RawMail[" + controllerId + ", " + size + " bytes" + (headersOnly ? ", headers only" : "") + "]";
    }
}
