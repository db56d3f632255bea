package io.dsrhub.controller;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A controller file the hub cannot use stops it with a message naming the file, the key and what is expected. */
class BadControllerFileTest {

    private static final String GOOD = """
            id: acme
            name: ACME
            time-zone: Europe/Helsinki
            languages: [en]
            contact:
              email: privacy@acme.example
            promise:
              within: 1
              unit: calendar-months
              clock-starts: receipt
            request-types: [access, erasure]
            """;

    @TempDir
    Path dir;

    private void write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
    }

    private void assertFails(String messagePart) {
        assertThatThrownBy(() -> new ControllerCatalogueLoader().load(dir))
                .isInstanceOf(ControllerConfigException.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void anUnknownKeyIsNamed() throws IOException {
        write("acme.yaml", GOOD + "promis: oops\n");
        assertFails("acme.yaml: key 'promis': is not a known key; expected one of:");
    }

    @Test
    void aBadEnumValueListsTheAllowedOnes() throws IOException {
        write("acme.yaml", GOOD.replace("unit: calendar-months", "unit: fortnights"));
        assertFails("acme.yaml: key 'promise.unit': expected one of calendar-days, business-days, calendar-months; "
                + "got 'fortnights'");
    }

    @Test
    void aMissingRequiredKeyIsNamed() throws IOException {
        write("acme.yaml", GOOD.replace("  email: privacy@acme.example\n", "  web: https://acme.example\n"));
        assertFails("acme.yaml: key 'contact.email': expected an e-mail address; got 'null'");
    }

    @Test
    void aBadTimeZoneIsNamed() throws IOException {
        write("acme.yaml", GOOD.replace("Europe/Helsinki", "Mars/Olympus"));
        assertFails("acme.yaml: key 'time-zone': expected a time-zone id such as Europe/Helsinki");
    }

    @Test
    void aWrongTypeInAListIsNamedWithItsIndex() throws IOException {
        write("acme.yaml", GOOD.replace("request-types: [access, erasure]", "request-types: [access, teleport]"));
        assertFails("acme.yaml: key 'request-types[1]': expected one of access, portability, erasure");
    }

    @Test
    void theIdMustMatchTheFileName() throws IOException {
        write("other.yaml", GOOD);
        assertFails("other.yaml: key 'id': expected 'other' (the file name without .yaml); got 'acme'");
    }

    @Test
    void aRetentionRuleNeedsItsLegalBasis() throws IOException {
        write("acme.yaml", GOOD + "retention:\n  - id: books\n    data: [orders]\n    period: P10Y\n");
        assertFails("acme.yaml: key 'retention[0].basis': is missing");
    }

    @Test
    void brokenYamlNamesTheLine() throws IOException {
        write("acme.yaml", GOOD + "languages: [en\n");
        assertFails("acme.yaml");
    }

    @Test
    void anEmptyDirectoryIsRefused() {
        assertFails("holds no *.yaml file");
    }
}
