package io.dsrhub.mailbox;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Enumeration;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;

/**
 * Fetches a message that camel-mail found in a mailbox, without marking it read (the consumer peeks): the whole
 * message, or only its header when the server says it is over {@code dsr.mailbox.max-message-bytes}.
 */
public final class MailReader {

    /** The header carrying the controller whose mailbox the message came from. */
    public static final String MAILBOX = "DsrMailbox";
    /** The header carrying the message's attempt key (set here, read by the error handling). */
    public static final String ATTEMPT_KEY = "DsrMailAttemptKey";

    private final long maxMessageBytes;

    public MailReader(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public RawMail read(Exchange exchange) throws MessagingException, IOException {
        String controllerId = exchange.getIn().getHeader(MAILBOX, String.class);
        Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
        String attemptKey = attemptKey(controllerId, message);
        exchange.getIn().setHeader(ATTEMPT_KEY, attemptKey);
        long size = Math.max(message.getSize(), 0);
        Instant arrived = message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant();
        if (size > maxMessageBytes) {
            return new RawMail(controllerId, attemptKey, headerBytes(message), true, size, arrived);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size + 1024, maxMessageBytes));
        try {
            message.writeTo(new LimitedOutput(out, maxMessageBytes));
        } catch (LimitedOutput.LimitReached e) {
            // the server understated the size; keep the header only
            return new RawMail(controllerId, attemptKey, headerBytes(message), true, Math.max(size, maxMessageBytes + 1),
                    arrived);
        }
        return new RawMail(controllerId, attemptKey, out.toByteArray(), false, Math.max(size, out.size()), arrived);
    }

    static String attemptKey(String controllerId, Message message) throws MessagingException {
        if (message.getFolder() instanceof UIDFolder uids) {
            return "mail:" + controllerId + ":" + message.getFolder().getFullName() + ":" + uids.getUIDValidity()
                    + ":" + uids.getUID(message);
        }
        return "mail:" + controllerId + ":" + message.getFolder().getFullName() + ":#" + message.getMessageNumber();
    }

    private static byte[] headerBytes(Message message) throws MessagingException {
        StringBuilder header = new StringBuilder();
        for (Enumeration<Header> headers = message.getAllHeaders(); headers.hasMoreElements();) {
            Header h = headers.nextElement();
            header.append(h.getName()).append(": ").append(h.getValue()).append("\r\n");
        }
        header.append("\r\n");
        return header.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Stops a download at the limit instead of filling the memory with a message that lied about its size. */
    private static final class LimitedOutput extends OutputStream {

        private final OutputStream out;
        private final long limit;
        private long written;

        LimitedOutput(OutputStream out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            out.write(b, off, len);
        }

        private void check(int more) throws LimitReached {
            written += more;
            if (written > limit) {
                throw new LimitReached();
            }
        }

        static final class LimitReached extends IOException {
            LimitReached() {
                super("message is larger than the limit", null);
            }
        }
    }
}
