package io.dsrhub.mailbox;

/**
 * How the hub reaches one controller's mailbox. The password never appears in an endpoint URI or in logs; camel-mail
 * gets it from a {@link MailboxCredentials} bean.
 */
public record MailboxAccess(String controllerId, String protocol, String host, int port, String folder,
        String quarantineFolder, String username, String password, String source) {

    /** The registry name of this mailbox's credentials bean. */
    public String credentialsBean() {
        return "mailboxCredentials-" + controllerId;
    }

    @Override
    public String toString() {
        return "MailboxAccess[" + controllerId + ", " + protocol + "://" + host + ":" + port + "/" + folder + ", "
                + source + "]";
    }
}
