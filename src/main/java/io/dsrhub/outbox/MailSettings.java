package io.dsrhub.outbox;

/**
 * Where outgoing mail goes: the configured SMTP server, or the embedded one. The {@code deliver-outbox} route
 * reads host and port from here.
 */
public record MailSettings(String host, int port, String username, String password, boolean startTls) {

    public boolean authenticated() {
        return username != null && !username.isBlank();
    }
}
