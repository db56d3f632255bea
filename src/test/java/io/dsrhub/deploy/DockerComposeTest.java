package io.dsrhub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.controller.ControllerCatalogueLoader;
import io.dsrhub.opendsr.OpenDsrClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked as data: the stack has the services the
 * production shape needs, and every setting it passes to the hub is one the hub actually reads.
 */
class DockerComposeTest {

    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\{\\{env:([A-Z0-9_]+)");

    private final JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());

    DockerComposeTest() throws IOException {
    }

    /** The environment variables the hub reads: its properties' {{env:...}} placeholders and per-controller ones. */
    private static Set<String> variablesTheHubReads() throws IOException {
        Set<String> names = new HashSet<>();
        Matcher m = ENV_PLACEHOLDER.matcher(Files.readString(Path.of("config/application.properties")));
        while (m.find()) {
            names.add(m.group(1));
        }
        ControllerCatalogue controllers = new ControllerCatalogueLoader().load(Path.of("config/controllers"));
        controllers.all().forEach(c -> names.add(OpenDsrClients.variableFor(c)));
        return names;
    }

    @Test
    void theStackHasALedgerAMailServerAnObjectStoreAndTheHub() {
        assertThat(compose.get("services").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("postgres", "mail", "s3", "hub");
        JsonNode hub = compose.get("services").get("hub");
        assertThat(hub.get("build").asText()).isEqualTo(".");
        assertThat(hub.get("depends_on").fieldNames()).toIterable().containsExactlyInAnyOrder("postgres", "mail", "s3");
        assertThat(hub.get("ports").get(0).asText()).isEqualTo("8080:8080");
        assertThat(Files.exists(Path.of("Dockerfile"))).isTrue();
    }

    @Test
    void everySettingPassedToTheHubIsOneItReads() throws IOException {
        Set<String> known = variablesTheHubReads();
        List<String> unknown = new ArrayList<>();
        compose.get("services").get("hub").get("environment").fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        assertThat(unknown).as("settings in docker-compose.yml that the hub does not read").isEmpty();
    }

    @Test
    void theHubRunsInTheProductionProfileWithEverySettingThatProfileNeeds() {
        JsonNode env = compose.get("services").get("hub").get("environment");
        assertThat(env.get("DSR_PROFILE").asText()).isEqualTo("production");
        for (String required : List.of("DSR_LEDGER_JDBC_URL", "DSR_SMTP_HOST", "DSR_S3_ENDPOINT", "DSR_S3_ACCESS_KEY",
                "DSR_S3_SECRET_KEY", "DSR_ADMIN_TOKEN", "DSR_TOKEN_SECRET", "DSR_OPENDSR_PRIVATE_KEY",
                "DSR_OPENDSR_CERTIFICATE", "DSR_ERASURE_HASH_KEY", "DSR_FULFILMENT_DIR")) {
            assertThat(env.has(required)).as(required).isTrue();
        }
        assertThat(env.get("DSR_LEDGER_JDBC_URL").asText()).startsWith("jdbc:postgresql://postgres:");
    }

    @Test
    void secretsAreTakenFromTheEnvironmentNotWrittenInTheFile() {
        JsonNode env = compose.get("services").get("hub").get("environment");
        for (String secret : List.of("DSR_ADMIN_TOKEN", "DSR_TOKEN_SECRET", "DSR_LEDGER_PASSWORD", "DSR_S3_SECRET_KEY",
                "DSR_OPENDSR_PRIVATE_KEY", "DSR_ERASURE_HASH_KEY")) {
            assertThat(env.get(secret).asText()).as(secret).startsWith("${").endsWith("}");
        }
    }
}
