package io.dsrhub.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message from a controller's mailbox, as the hub reads it. Header values are decoded; {@code text} is the body
 * as plain text (HTML turned into text, forwarded messages included); problems met while reading (a part that
 * could not be decoded, a malformed header) are listed rather than thrown.
 *
 * @param messageKey    the idempotency key: {@code mail:<controller>:<Message-ID>}, or a digest of the message
 * @param messageId     the Message-ID as the sender wrote it (with angle brackets), or null
 * @param threadIds     Message-IDs from In-Reply-To and References, In-Reply-To first
 * @param senderAddress where a reply goes: Reply-To when present, else From; lower case; null when there is none
 * @param fromAddress   the From address, lower case, or null
 * @param headers       the headers that say whether the message was sent by a machine, lower-case names
 * @param receivedCount how many Received headers the message has (many means a mail loop)
 */
public record InboundMail(
        String controllerId,
        String messageKey,
        String messageId,
        List<String> threadIds,
        String senderAddress,
        String senderName,
        String fromAddress,
        String subject,
        Instant sentAt,
        String text,
        List<MailAttachment> attachments,
        Map<String, String> headers,
        String contentType,
        int receivedCount,
        long size,
        boolean headersOnly,
        List<String> problems) {

    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public String toString() {
        return "InboundMail[" + controllerId + ", " + size + " bytes, " + attachments.size() + " attachments]";
    }
}
