package io.dsrhub.mailbox;

/**
 * A file attached to an inbound message.
 *
 * @param index       its position among the message's attachments, stable across re-reads of the message
 * @param fileName    the name the sender gave it, cleaned of paths and control characters; never used in keys
 * @param contentType the declared type, reduced to {@code type/subtype}
 * @param bytes       the content, or null when it is over the size limit and was not read
 * @param size        the content's size (for a part over the limit, how far it was read)
 */
public record MailAttachment(int index, String fileName, String contentType, byte[] bytes, long size) {

    public boolean wasRead() {
        return bytes != null;
    }

    @Override
    public String toString() {
        return "MailAttachment[" + index + ", " + contentType + ", " + size + " bytes]";
    }
}
