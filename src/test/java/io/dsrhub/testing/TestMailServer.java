package io.dsrhub.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;

/** A real GreenMail SMTP and IMAP server on free loopback ports, for one test class. */
public final class TestMailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    public TestMailServer() {
        this(FreePorts.next(), FreePorts.next());
    }

    private TestMailServer(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Stops the server (to play an SMTP outage); {@link #restart()} brings it back on the same ports. */
    public void stop() {
        greenMail.stop();
    }

    public void restart() {
        greenMail.start();
    }

    /** The messages delivered to {@code address}, oldest first. */
    public List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Waits (without sleeping blindly) until {@code count} messages have reached {@code address}. */
    public List<MimeMessage> awaitMessagesTo(String address, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(address).size() >= count);
        return messagesTo(address);
    }

    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
