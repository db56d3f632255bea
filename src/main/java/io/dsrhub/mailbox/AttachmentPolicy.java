package io.dsrhub.mailbox;

import io.dsrhub.evidence.ArchiveInspector;
import java.util.Optional;

/**
 * Which attachments are kept as evidence: at most {@code dsr.mailbox.max-attachments} per message, each at most
 * {@code dsr.mailbox.max-attachment-bytes}, and no archive the {@link ArchiveInspector} calls a bomb.
 */
public final class AttachmentPolicy {

    private final int maxAttachments;
    private final long maxBytes;
    private final ArchiveInspector archives;

    public AttachmentPolicy(int maxAttachments, long maxBytes, ArchiveInspector archives) {
        this.maxAttachments = maxAttachments;
        this.maxBytes = maxBytes;
        this.archives = archives;
    }

    /** Why an attachment is refused, or empty when it is kept. */
    public Optional<String> refusal(MailAttachment attachment) {
        if (attachment.index() >= maxAttachments) {
            return Optional.of("more than " + maxAttachments + " attachments in one message");
        }
        if (!attachment.wasRead()) {
            return Optional.of(attachment.size() > maxBytes
                    ? attachment.size() + " bytes, over the limit of " + maxBytes + " bytes"
                    : "could not be decoded");
        }
        if (attachment.size() == 0) {
            return Optional.of("empty");
        }
        return archives.problemWith(attachment.bytes());
    }
}
