package io.dsrhub.controller;

import java.util.Locale;

/**
 * The IMAP mailbox requests to a controller arrive in ({@code mailbox:} in the controller file). Every key may be
 * left out: without {@code host} the mailbox is on the hub-wide server ({@code dsr.mailbox.host}) or, in the
 * embedded profile, on the embedded mail server; the login comes from the environment variables named here.
 *
 * @param host             the IMAP server, or null for the hub-wide one
 * @param port             its port, or null for the protocol's usual one (143 imap, 993 imaps)
 * @param protocol         {@code imap} or {@code imaps}, or null for imaps when a host is given
 * @param folder           the folder requests arrive in (INBOX when left out)
 * @param quarantineFolder where messages the hub cannot handle are moved (DSR-Quarantine when left out)
 * @param usernameEnv      the environment variable holding the login (DSR_MAILBOX_&lt;ID&gt;_USERNAME when left out)
 * @param passwordEnv      the environment variable holding the password (DSR_MAILBOX_&lt;ID&gt;_PASSWORD when left out)
 */
public record Mailbox(String host, Integer port, String protocol, String folder, String quarantineFolder,
        String usernameEnv, String passwordEnv) {

    public static final String DEFAULT_FOLDER = "INBOX";
    public static final String DEFAULT_QUARANTINE_FOLDER = "DSR-Quarantine";

    /** The settings of a controller file without a {@code mailbox:} section. */
    public static Mailbox defaults() {
        return new Mailbox(null, null, null, null, null, null, null);
    }

    public boolean hasHost() {
        return host != null && !host.isBlank();
    }

    public String folderOrDefault() {
        return folder == null || folder.isBlank() ? DEFAULT_FOLDER : folder;
    }

    public String quarantineFolderOrDefault() {
        return quarantineFolder == null || quarantineFolder.isBlank() ? DEFAULT_QUARANTINE_FOLDER : quarantineFolder;
    }

    public String usernameEnvOrDefault(String controllerId) {
        return usernameEnv == null || usernameEnv.isBlank() ? variablePrefix(controllerId) + "_USERNAME" : usernameEnv;
    }

    public String passwordEnvOrDefault(String controllerId) {
        return passwordEnv == null || passwordEnv.isBlank() ? variablePrefix(controllerId) + "_PASSWORD" : passwordEnv;
    }

    private static String variablePrefix(String controllerId) {
        return "DSR_MAILBOX_" + controllerId.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
