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
import org.apache.camel.support.DefaultMessage;

/**
 * Fetches a message that camel-mail found in a mailbox, without marking it read (the consumer peeks): the whole
 * message, or only its header when the server says it is over {@code dsr.mailbox.max-message-bytes}. The attempt is
 * counted first, so a message that cannot even be fetched is quarantined after {@code dsr.mailbox.max-attempts}
 * instead of failing on every poll. Nothing here lets camel-mail map the message to Camel headers (which needs the
 * server's parse of the message, and fails on some broken ones): the exchange continues with a plain message.
 */
public final class MailReader {

    /** The exchange property carrying the controller whose mailbox the message came from. */
    public static final String MAILBOX = "DsrMailbox";
    /** The exchange property carrying the message's attempt key (read by the error handling). */
    public static final String ATTEMPT_KEY = "DsrMailAttemptKey";

    private final MailAttempts attempts;
    private final long maxMessageBytes;
    private final int maxAttempts;

    public MailReader(MailAttempts attempts, long maxMessageBytes, int maxAttempts) {
        this.attempts = attempts;
        this.maxMessageBytes = maxMessageBytes;
        this.maxAttempts = maxAttempts;
    }

    public RawMail read(Exchange exchange) throws MessagingException, IOException {
        String controllerId = exchange.getProperty(MAILBOX, String.class);
        Message message = exchange.getIn(MailMessage.class).getOriginalMessage();
        String attemptKey = attemptKey(controllerId, message);
        exchange.setProperty(ATTEMPT_KEY, attemptKey);
        exchange.setIn(new DefaultMessage(exchange));
        int attempt = attempts.begin(attemptKey);
        try {
            return fetch(controllerId, attemptKey, attempt, message);
        } catch (MessagingException | IOException | RuntimeException e) {
            if (attempt <= maxAttempts) {
                throw e;
            }
            // the last attempt could not fetch it either: hand on what is known, to be quarantined
            String placeholder = "X-DSR-Unreadable: " + attemptKey + "\r\n\r\n";
            return new RawMail(controllerId, attemptKey, attempt, placeholder.getBytes(StandardCharsets.US_ASCII), true,
                    -1, null);
        }
    }

    private RawMail fetch(String controllerId, String attemptKey, int attempt, Message message)
            throws MessagingException, IOException {
        long size = sizeOf(message);
        Instant arrived = arrivalOf(message);
        if (size > maxMessageBytes) {
            return new RawMail(controllerId, attemptKey, attempt, headerBytes(message), true, size, arrived);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(size, 0) + 1024, maxMessageBytes));
        try {
            message.writeTo(new LimitedOutput(out, maxMessageBytes));
        } catch (IOException e) {
            if (!(e instanceof LimitedOutput.LimitReached) && !(e.getCause() instanceof LimitedOutput.LimitReached)) {
                throw e;
            }
            // the server understated the size; keep the header only
            return new RawMail(controllerId, attemptKey, attempt, headerBytes(message), true,
                    Math.max(size, maxMessageBytes + 1), arrived);
        }
        return new RawMail(controllerId, attemptKey, attempt, out.toByteArray(), false, Math.max(size, out.size()),
                arrived);
    }

    /** The size the server reports, or -1 when it cannot say (some servers fail on messages they cannot parse). */
    private static long sizeOf(Message message) {
        try {
            return Math.max(message.getSize(), -1);
        } catch (MessagingException | RuntimeException e) {
            return -1;
        }
    }

    private static Instant arrivalOf(Message message) {
        try {
            return message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
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
