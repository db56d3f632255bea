package io.dsrhub.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded profile's mail server (GreenMail): SMTP and IMAP on the loopback address, a mailbox for each
 * controller, and a mailbox made on the fly for any address mail is sent to. Every mailbox's login and password
 * are its address. Never started when an SMTP host is configured.
 */
public final class EmbeddedMailServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final GreenMail greenMail;
    private final Collection<String> mailboxes;

    public EmbeddedMailServer(String bindAddress, int smtpPort, int imapPort, Collection<String> mailboxes) {
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, bindAddress, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, bindAddress, ServerSetup.PROTOCOL_IMAP)});
        this.mailboxes = mailboxes;
    }

    public void start() {
        greenMail.start();
        for (String address : mailboxes) {
            greenMail.setUser(address, address, address);
        }
        LOG.info("embedded mail server: SMTP on port {}, IMAP on port {} (login and password = the address)",
                greenMail.getSmtp().getPort(), greenMail.getImap().getPort());
    }

    public void stop() {
        greenMail.stop();
    }

    public GreenMail greenMail() {
        return greenMail;
    }
}
