package io.dsrhub.connector.opendsr;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.fulfilment.FulfilmentConfigException;
import io.dsrhub.fulfilment.FulfilmentFileReader;
import io.dsrhub.fulfilment.SystemContext;
import io.dsrhub.fulfilment.TargetSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@code type: opendsr} system file: a processor that speaks OpenDSR. */
public final class OpenDsrSystemReader {

    private static final Set<String> OPENDSR_TYPES = Set.of("controller_customer_id", "android_advertising_id",
            "android_id", "email", "fire_advertising_id", "ios_advertising_id", "ios_vendor_id",
            "microsoft_advertising_id", "microsoft_publisher_id", "roku_publisher_id", "roku_advertising_id");

    private OpenDsrSystemReader() {
    }

    public static TargetSystem read(Path path, JsonNode tree, FulfilmentFileReader reader, String controllerId,
            SystemContext context) {
        String file = path.toString();
        OpenDsrSystemFile system = reader.bind(path, tree, OpenDsrSystemFile.class);
        if (system.apiUrl() == null || !system.apiUrl().matches("^https?://[^\\s]+/v[0-9]+/?$")) {
            throw new FulfilmentConfigException(file, "api-url", "expected the processor's OpenDSR URL ending with "
                    + "the major version, such as https://opendsr.processor.com/v1; got '" + system.apiUrl() + "'");
        }
        if (system.processorDomain() == null || !system.processorDomain().matches("^[a-z0-9.-]+\\.[a-z]{2,}$")) {
            throw new FulfilmentConfigException(file, "processor-domain", "expected the domain the processor signs "
                    + "as, such as opendsr.processor.com; got '" + system.processorDomain() + "'");
        }
        if (system.certificate() == null || system.certificate().isBlank()) {
            throw new FulfilmentConfigException(file, "certificate", "expected the processor's certificate (PEM, or "
                    + "the path of a PEM file)");
        }
        ProcessorSignature signature;
        try {
            String pem = system.certificate().contains("-----BEGIN") ? system.certificate()
                    : Files.readString(Path.of(system.certificate()));
            signature = ProcessorSignature.fromPem(pem);
        } catch (IOException | IllegalArgumentException e) {
            throw new FulfilmentConfigException(file, "certificate", "cannot be read as an X.509 certificate in "
                    + "PEM form: " + e.getMessage());
        }
        String regulation = system.regulation() == null ? "gdpr" : system.regulation();
        if (!regulation.equals("gdpr") && !regulation.equals("ccpa")) {
            throw new FulfilmentConfigException(file, "regulation", "expected gdpr or ccpa; got '" + regulation + "'");
        }
        Map<String, String> identities = system.identities() != null ? new LinkedHashMap<>(system.identities())
                : Map.of("email", "email", "customer-id", "controller_customer_id");
        for (Map.Entry<String, String> entry : identities.entrySet()) {
            if (IdentityType.fromCode(entry.getKey()).isEmpty()) {
                throw new FulfilmentConfigException(file, "identities." + entry.getKey(), "is not a hub identity "
                        + "type (email, customer-id, advertising-id, ...)");
            }
            if (!OPENDSR_TYPES.contains(entry.getValue())) {
                throw new FulfilmentConfigException(file, "identities." + entry.getKey(), "expected an OpenDSR "
                        + "identity_type such as email or controller_customer_id; got '" + entry.getValue() + "'");
            }
        }
        if (system.categories() == null || system.categories().isEmpty()
                || !system.categories().stream().allMatch(DataCategories::isValid)) {
            throw new FulfilmentConfigException(file, "categories", "expected the data categories the processor "
                    + "holds, such as [user.behavior]");
        }
        Duration poll = system.pollEvery() == null ? Duration.ofHours(6) : system.pollEvery();
        if (poll.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new FulfilmentConfigException(file, "poll-every", "expected at least PT1M; got " + poll);
        }
        Duration timeout = system.timeout() == null ? Duration.ofSeconds(30) : system.timeout();
        String processor = system.processor() == null ? system.processorDomain() : system.processor();
        OpenDsrConnector connector = new OpenDsrConnector(system.id(), processor, system.apiUrl(),
                system.processorDomain(), signature,
                new io.dsrhub.connector.ApiCredentials(system.apiUser(), system.apiKey()), regulation, Map.copyOf(identities),
                new DataCategories(system.categories()), poll, timeout, context);
        return new TargetSystem(system.id(), system.name() == null ? processor : system.name(), controllerId, file,
                Boolean.TRUE.equals(system.demo()), context.concurrency(file, system.maxConcurrency()),
                system.identitiesFrom() == null ? List.of() : List.copyOf(system.identitiesFrom()),
                connector);
    }
}
