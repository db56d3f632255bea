package io.dsrhub.mailbox;

import jakarta.mail.PasswordAuthentication;
import org.apache.camel.component.mail.MailAuthenticator;

/** The login of one mailbox, handed to camel-mail as its authenticator so that it never appears in a URI. */
public final class MailboxCredentials extends MailAuthenticator {

    private final String username;
    private final String password;

    public MailboxCredentials(String username, String password) {
        this.username = username;
        this.password = password;
    }

    @Override
    public PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(username, password);
    }

    @Override
    public String toString() {
        return "MailboxCredentials[***]";
    }
}
