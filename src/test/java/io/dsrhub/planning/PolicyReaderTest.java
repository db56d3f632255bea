package io.dsrhub.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.controller.ControllerCatalogueLoader;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.fulfilment.FulfilmentConfigException;
import io.dsrhub.fulfilment.FulfilmentFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy file is checked against its controller: every failure names the file and the key. */
class PolicyReaderTest {

    private static final ControllerCatalogue CONTROLLERS = new ControllerCatalogueLoader()
            .load(Path.of("config", "controllers"));
    private final PolicyReader reader = new PolicyReader(new FulfilmentFileReader(text -> text));

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("policy.yaml"), yaml);
    }

    @Test
    void theShippedPoliciesOfTheFiveControllersAreValid() {
        for (String id : new String[] {"ironzon", "iid2secure", "ismarthomeq", "isocket", "ikotek"}) {
            FulfilmentPolicy policy = reader.read(Path.of("config", "fulfilment", id, "policy.yaml"),
                    CONTROLLERS.require(id));
            assertThat(policy.targets()).isNotEmpty();
        }
        FulfilmentPolicy isocket = reader.read(Path.of("config", "fulfilment", "isocket", "policy.yaml"),
                CONTROLLERS.require("isocket"));
        assertThat(isocket.targetOf(RequestType.RESTRICTION).orElseThrow().action()).isEqualTo(TaskAction.RESTRICT);
        assertThat(isocket.retention()).extracting(r -> r.rule().id()).containsExactly("bookkeeping",
                "contract-performance");
    }

    @Test
    void aRetentionRuleOfTheControllerMustBeMapped() throws IOException {
        Path policy = file("""
                controller: isocket
                request-types:
                  erasure: {action: erase, categories: [user]}
                retention:
                  - {rule: bookkeeping, categories: [user.orders]}
                """);
        assertThatThrownBy(() -> reader.read(policy, CONTROLLERS.require("isocket")))
                .isInstanceOf(FulfilmentConfigException.class)
                .hasMessageContaining("policy.yaml: key 'retention'").hasMessageContaining("contract-performance");
    }

    @Test
    void requestTypesActionsAndRulesAreChecked() throws IOException {
        assertThatThrownBy(() -> reader.read(file("""
                controller: ikotek
                request-types:
                  erasure: {action: erase, categories: [user]}
                """), CONTROLLERS.require("ikotek")))
                .hasMessageContaining("key 'request-types.erasure'").hasMessageContaining("does not honour");
        assertThatThrownBy(() -> reader.read(file("""
                controller: ironzon
                request-types:
                  access: {action: purge, categories: [user]}
                """), CONTROLLERS.require("ironzon")))
                .hasMessageContaining("key 'request-types.access.action'");
        assertThatThrownBy(() -> reader.read(file("""
                controller: ironzon
                request-types:
                  acces: {action: export, categories: [user]}
                """), CONTROLLERS.require("ironzon")))
                .hasMessageContaining("key 'request-types.acces'").hasMessageContaining("not a request type");
        assertThatThrownBy(() -> reader.read(file("""
                controller: iid2secure
                retention:
                  - {rule: forever, categories: [user]}
                """), CONTROLLERS.require("iid2secure")))
                .hasMessageContaining("key 'retention[0].rule'");
        assertThatThrownBy(() -> reader.read(file("""
                controller: isocket
                request-types: {}
                """), CONTROLLERS.require("ironzon")))
                .hasMessageContaining("key 'controller'");
    }
}
