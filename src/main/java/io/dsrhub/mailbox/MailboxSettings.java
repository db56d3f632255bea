package io.dsrhub.mailbox;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerConfigException;
import io.dsrhub.controller.Mailbox;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where each controller's mailbox is. In order: the controller file's {@code mailbox.host}; else the hub-wide
 * {@code dsr.mailbox.host}; else, in the embedded profile with the embedded mail server running, that server (login
 * and password are the controller's contact address). With none of these the controller has no mail intake. The
 * login comes from the environment variables the controller file names (by default
 * {@code DSR_MAILBOX_<ID>_USERNAME} and {@code _PASSWORD}); a configured server without them stops start-up, naming
 * the file and the key.
 *
 * @param enabled          {@code dsr.mailbox.enabled}: false turns mail intake off
 * @param host             {@code dsr.mailbox.host}, or blank
 * @param embeddedRunning  whether the embedded mail server runs (embedded profile, no SMTP host configured)
 * @param production       whether the production profile is active (no fallback logins)
 */
public record MailboxSettings(boolean enabled, String host, int port, String protocol, boolean embeddedRunning,
        String embeddedHost, int embeddedImapPort, boolean production, String controllersDir,
        Function<String, String> environment) {

    public Optional<MailboxAccess> accessFor(Controller controller) {
        if (!enabled) {
            return Optional.empty();
        }
        Mailbox mailbox = controller.mailbox();
        String file = controllersDir + "/" + controller.id() + ".yaml";
        if (mailbox.hasHost()) {
            String protocol = mailbox.protocol() == null ? "imaps" : mailbox.protocol();
            int port = mailbox.port() != null ? mailbox.port() : protocol.equals("imaps") ? 993 : 143;
            String user = required(file, "mailbox.username-env", mailbox.usernameEnvOrDefault(controller.id()));
            String password = required(file, "mailbox.password-env", mailbox.passwordEnvOrDefault(controller.id()));
            return Optional.of(new MailboxAccess(controller.id(), protocol, mailbox.host(), port,
                    mailbox.folderOrDefault(), mailbox.quarantineFolderOrDefault(), user, password, file));
        }
        if (host != null && !host.isBlank()) {
            String address = controller.contact().email();
            String user = optional(mailbox.usernameEnvOrDefault(controller.id()));
            String password = optional(mailbox.passwordEnvOrDefault(controller.id()));
            if (user == null || password == null) {
                if (production) {
                    required(file, user == null ? "mailbox.username-env" : "mailbox.password-env",
                            user == null ? mailbox.usernameEnvOrDefault(controller.id())
                                    : mailbox.passwordEnvOrDefault(controller.id()));
                }
                user = address;
                password = address;
            }
            return Optional.of(new MailboxAccess(controller.id(), protocol, host, port, mailbox.folderOrDefault(),
                    mailbox.quarantineFolderOrDefault(), user, password, "dsr.mailbox.host"));
        }
        if (embeddedRunning) {
            String address = controller.contact().email();
            return Optional.of(new MailboxAccess(controller.id(), "imap", embeddedHost, embeddedImapPort,
                    mailbox.folderOrDefault(), mailbox.quarantineFolderOrDefault(), address, address,
                    "embedded mail server"));
        }
        return Optional.empty();
    }

    private String optional(String variable) {
        String value = environment.apply(variable);
        return value == null || value.isBlank() ? null : value;
    }

    private String required(String file, String key, String variable) {
        String value = optional(variable);
        if (value == null) {
            throw new ControllerConfigException(file, key, "the environment variable " + variable
                    + " is not set; it must hold the mailbox login (secrets come only from the environment)");
        }
        return value;
    }
}
