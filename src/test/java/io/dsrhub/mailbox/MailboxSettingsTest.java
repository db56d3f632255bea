package io.dsrhub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerConfigException;
import io.dsrhub.controller.ControllerFileReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a controller's mailbox is: its file's host, else the hub-wide host, else the embedded server; logins only
 * from the environment, and a configured server without them stops start-up naming the file and the key.
 */
class MailboxSettingsTest {

    private static final String BASE = """
            id: acme
            name: ACME
            time-zone: Europe/Helsinki
            languages: [en]
            contact: {email: privacy@acme.example}
            promise: {within: 30, unit: calendar-days, clock-starts: receipt, local-law-prevails: false}
            request-types: [access]
            """;

    private static Controller controller(String extra) {
        return new ControllerFileReader().read("config/controllers/acme.yaml",
                new ByteArrayInputStream((BASE + extra).getBytes(StandardCharsets.UTF_8)));
    }

    private static MailboxSettings settings(String hubHost, boolean embedded, boolean production, Map<String, String> env) {
        return new MailboxSettings(true, hubHost, 993, "imaps", embedded, "127.0.0.1", 3143, production,
                "config/controllers", env::get);
    }

    @Test
    void theControllersOwnServerWinsWithTheLoginFromTheVariablesItNames() {
        Controller acme = controller("mailbox: {host: imap.acme.example, username-env: ACME_USER, password-env: ACME_PASS}\n");
        MailboxAccess access = settings("hub.example", true, true, Map.of("ACME_USER", "u", "ACME_PASS", "p"))
                .accessFor(acme).orElseThrow();
        assertThat(access).extracting(MailboxAccess::host, MailboxAccess::port, MailboxAccess::protocol,
                MailboxAccess::username, MailboxAccess::password, MailboxAccess::quarantineFolder)
                .containsExactly("imap.acme.example", 993, "imaps", "u", "p", "DSR-Quarantine");
        assertThat(access.toString()).doesNotContain("p]").doesNotContain("u,");
    }

    @Test
    void aConfiguredServerWithoutItsLoginStopsStartUpNamingTheFileAndKey() {
        Controller acme = controller("mailbox: {host: imap.acme.example}\n");
        assertThatThrownBy(() -> settings(null, false, true, Map.of("DSR_MAILBOX_ACME_USERNAME", "u")).accessFor(acme))
                .isInstanceOf(ControllerConfigException.class)
                .hasMessageContaining("config/controllers/acme.yaml").hasMessageContaining("mailbox.password-env")
                .hasMessageContaining("DSR_MAILBOX_ACME_PASSWORD");
        assertThatThrownBy(() -> settings("hub.example", false, true, Map.of()).accessFor(controller("")))
                .hasMessageContaining("mailbox.username-env");
    }

    @Test
    void withoutAHostTheHubWideServerThenTheEmbeddedOneIsUsedWithTheAddressAsLogin() {
        Controller acme = controller("");
        assertThat(settings("hub.example", true, false, Map.of()).accessFor(acme).orElseThrow())
                .extracting(MailboxAccess::host, MailboxAccess::username).containsExactly("hub.example", "privacy@acme.example");
        assertThat(settings(null, true, false, Map.of()).accessFor(acme).orElseThrow())
                .extracting(MailboxAccess::host, MailboxAccess::port, MailboxAccess::protocol)
                .containsExactly("127.0.0.1", 3143, "imap");
        assertThat(settings(null, false, false, Map.of()).accessFor(acme)).isEmpty();
        assertThat(new MailboxSettings(false, "hub.example", 993, "imaps", true, "127.0.0.1", 3143, false,
                "config/controllers", Map.<String, String>of()::get).accessFor(acme)).isEmpty();
    }

    @Test
    void badMailboxAndPatternKeysFailNamingTheKey() {
        assertThatThrownBy(() -> controller("mailbox: {host: imap.acme.example, protocol: pop3}\n"))
                .hasMessageContaining("acme.yaml").hasMessageContaining("'mailbox.protocol'");
        assertThatThrownBy(() -> controller("mailbox: {port: 70000}\n")).hasMessageContaining("'mailbox.port'");
        assertThatThrownBy(() -> controller("mailbox: {password-env: 'hunter2 secret'}\n"))
                .hasMessageContaining("'mailbox.password-env'").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> controller("mailbox: {quarantine-folder: INBOX}\n"))
                .hasMessageContaining("'mailbox.quarantine-folder'");
        assertThatThrownBy(() -> controller("mailbox: {hots: x}\n")).hasMessageContaining("mailbox.hots");
        assertThatThrownBy(() -> controller("identifier-patterns: [{type: order-number, pattern: '(unclosed'}]\n"))
                .hasMessageContaining("'identifier-patterns[0].pattern'");
        assertThatThrownBy(() -> controller("identifier-patterns: [{type: order-number, pattern: 'x*'}]\n"))
                .hasMessageContaining("matches the empty text");
        assertThatThrownBy(() -> controller("identifier-patterns: [{type: email, pattern: 'x+'}]\n"))
                .hasMessageContaining("'identifier-patterns[0].type'");
    }
}
