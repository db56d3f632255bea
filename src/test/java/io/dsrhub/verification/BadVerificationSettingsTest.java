package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.controller.ControllerCatalogueLoader;
import io.dsrhub.controller.ControllerConfigException;
import io.dsrhub.domain.RequestType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller's verification section that cannot work stops start-up naming the file and the key; a controller
 * without one gets the default levels (1 for opting out and withdrawing consent, 2 otherwise).
 */
class BadVerificationSettingsTest {

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
            request-types: [access, erasure, opt-out]
            """;

    @TempDir
    Path dir;

    @Test
    void aLevelOutOfRangeIsNamed() throws IOException {
        fails("verification:\n  levels:\n    access: 4\n", "acme.yaml: key 'verification.levels.access': expected 1, 2 or 3");
    }

    @Test
    void anUnknownRequestTypeIsNamed() throws IOException {
        fails("verification:\n  levels:\n    copies: 3\n", "key 'verification.levels.copies': is not a request type");
    }

    @Test
    void aLookupQueryMustTakeExactlyTheAddress() throws IOException {
        fails("verification:\n  account-lookup:\n    system: acme-accounts\n    query: \"SELECT id FROM accounts\"\n",
                "key 'verification.account-lookup.query': expected a query with exactly one ?");
    }

    @Test
    void aDataPointQueryMustTakeTheAccountAndTheValue() throws IOException {
        fails("verification:\n  account-lookup:\n    system: acme-accounts\n    query: \"SELECT id, email FROM a WHERE "
                + "email = ?\"\n  data-points:\n    device-serial: \"SELECT 1 FROM d WHERE serial = ?\"\n",
                "key 'verification.data-points.device-serial': expected a query with exactly two ?");
    }

    @Test
    void anUnknownRuleForUnknownSubjectsIsNamed() throws IOException {
        fails("verification:\n  unknown-subjects: ignore\n", "verification.unknown-subjects");
    }

    @Test
    void withoutASectionTheDefaultLevelsApply() throws IOException {
        Files.writeString(dir.resolve("acme.yaml"), GOOD);
        VerificationPolicy policy = new ControllerCatalogueLoader().load(dir).require("acme").verification();
        assertThat(policy.levelFor(List.of(RequestType.OPT_OUT))).isEqualTo(1);
        assertThat(policy.levelFor(List.of(RequestType.OPT_OUT, RequestType.ERASURE))).isEqualTo(2);
        assertThat(policy.unknownSubjects()).isEqualTo(VerificationPolicy.UnknownSubjects.VERIFY_EMAIL);
        assertThat(policy.accountLookup()).isNull();
    }

    private void fails(String section, String messagePart) throws IOException {
        Files.writeString(dir.resolve("acme.yaml"), GOOD + section);
        assertThatThrownBy(() -> new ControllerCatalogueLoader().load(dir))
                .isInstanceOf(ControllerConfigException.class).hasMessageContaining(messagePart);
    }
}
