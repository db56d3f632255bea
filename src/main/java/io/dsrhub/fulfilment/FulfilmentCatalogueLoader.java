package io.dsrhub.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsrhub.connector.jdbc.JdbcConnector;
import io.dsrhub.connector.jdbc.JdbcSystemReader;
import io.dsrhub.connector.s3.S3SystemReader;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.planning.FulfilmentPolicy;
import io.dsrhub.planning.PolicyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads {@code config/fulfilment}: one folder per controller (named by its id) holding {@code policy.yaml} and
 * {@code systems/<system id>.yaml}. Any error stops start-up with the file and key.
 */
public final class FulfilmentCatalogueLoader {

    private static final Pattern SYSTEM_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,47}$");

    private final FulfilmentFileReader reader;
    private final ControllerCatalogue controllers;
    private final SystemContext context;
    private final boolean production;

    public FulfilmentCatalogueLoader(FulfilmentFileReader reader, ControllerCatalogue controllers,
            SystemContext context, boolean production) {
        this.reader = reader;
        this.controllers = controllers;
        this.context = context;
        this.production = production;
    }

    public FulfilmentCatalogue load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new FulfilmentConfigException("dsr.fulfilment.dir: '" + directory + "' is not a directory; "
                    + "expected the folder holding <controller id>/policy.yaml and <controller id>/systems/*.yaml",
                    null);
        }
        Map<String, FulfilmentPolicy> policies = new LinkedHashMap<>();
        Map<String, TargetSystem> systems = new LinkedHashMap<>();
        try {
            for (Path folder : list(directory, Files::isDirectory)) {
                String controllerId = folder.getFileName().toString();
                Controller controller = controllers.find(controllerId).orElseThrow(() ->
                        new FulfilmentConfigException(folder + ": is not the id of a controller (config/controllers); "
                                + "rename or remove the folder", null));
                Path policyFile = folder.resolve("policy.yaml");
                List<Path> systemFiles = Files.isDirectory(folder.resolve("systems"))
                        ? list(folder.resolve("systems"), p -> p.getFileName().toString().endsWith(".yaml"))
                        : List.of();
                if (Files.exists(policyFile)) {
                    policies.put(controllerId, new PolicyReader(reader).read(policyFile, controller));
                } else if (!systemFiles.isEmpty()) {
                    throw new FulfilmentConfigException(folder + ": has systems but no policy.yaml saying what "
                            + "each request type does with them", null);
                }
                for (Path file : systemFiles) {
                    TargetSystem system = readSystem(file, controllerId);
                    TargetSystem clash = systems.put(system.id(), system);
                    if (clash != null) {
                        throw new FulfilmentConfigException(file.toString(), "id", "system id '" + system.id()
                                + "' is already used by " + clash.file() + "; system ids are unique across the hub");
                    }
                }
            }
        } catch (RuntimeException e) {
            systems.values().forEach(s -> s.connector().close());
            throw e;
        }
        FulfilmentCatalogue catalogue = new FulfilmentCatalogue(policies, systems);
        checkDerivedIdentities(catalogue);
        io.dsrhub.connector.backup.BackupSystemReader.checkRestoresInto(catalogue);
        return catalogue;
    }

    private TargetSystem readSystem(Path file, String controllerId) {
        JsonNode tree = reader.tree(file);
        String type = tree.path("type").asText("");
        String stem = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        String id = tree.path("id").asText("");
        if (!SYSTEM_ID.matcher(id).matches()) {
            throw new FulfilmentConfigException(file.toString(), "id", "expected a lower-case id such as "
                    + controllerId + "-accounts (letters, digits, hyphens); got '" + id + "'");
        }
        if (!stem.equals(id)) {
            throw new FulfilmentConfigException(file.toString(), "id", "expected '" + stem
                    + "' (the file name without .yaml); got '" + id + "'");
        }
        if (production && tree.path("demo").asBoolean(false)) {
            throw new FulfilmentConfigException(file.toString(), "demo", "demo systems are for the embedded profile "
                    + "only; point DSR_FULFILMENT_DIR at the folder with your own systems");
        }
        return switch (type) {
            case "jdbc" -> JdbcSystemReader.read(file, tree, reader, controllerId, context);
            case "s3" -> S3SystemReader.read(file, tree, reader, controllerId, context);
            case "http" -> io.dsrhub.connector.http.HttpSystemReader.read(file, tree, reader, controllerId, context);
            case "backup" -> io.dsrhub.connector.backup.BackupSystemReader.read(file, tree, reader, controllerId,
                    context);
            case "opendsr" -> io.dsrhub.connector.opendsr.OpenDsrSystemReader.read(file, tree, reader, controllerId,
                    context);
            case "manual" -> io.dsrhub.connector.manual.ManualSystemReader.read(file, tree, reader, controllerId,
                    context);
            case "notice" -> io.dsrhub.connector.notice.NoticeSystemReader.read(file, tree, reader,
                    controllers.require(controllerId), context);
            default -> throw new FulfilmentConfigException(file.toString(), "type", "expected jdbc, s3, http, "
                    + "opendsr, notice, backup or manual; got '"
                    + type + "'");
        };
    }

    /** Every {@code identities-from} names a database system of the same controller, a mapped table and column. */
    private static void checkDerivedIdentities(FulfilmentCatalogue catalogue) {
        for (TargetSystem system : catalogue.all()) {
            for (int i = 0; i < system.identitiesFrom().size(); i++) {
                DerivedIdentity derived = system.identitiesFrom().get(i);
                String key = "identities-from[" + i + "]";
                if (IdentityType.fromCode(derived.identity()).isEmpty()) {
                    throw new FulfilmentConfigException(system.file(), key + ".identity", "expected an identity "
                            + "type such as account-id; got '" + derived.identity() + "'");
                }
                TargetSystem source = catalogue.system(derived.system())
                        .filter(s -> s.controllerId().equals(system.controllerId()) && s != system)
                        .orElseThrow(() -> new FulfilmentConfigException(system.file(), key + ".system",
                                "expected another system of controller " + system.controllerId() + "; got '"
                                        + derived.system() + "'"));
                if (!(source.connector() instanceof JdbcConnector jdbc)) {
                    throw new FulfilmentConfigException(system.file(), key + ".system", "identities can only be "
                            + "derived from a database system; '" + derived.system() + "' is not one");
                }
                var table = jdbc.dataMap().table(derived.table() == null ? "" : derived.table())
                        .orElseThrow(() -> new FulfilmentConfigException(system.file(), key + ".table",
                                "expected a table of " + source.file() + "'s data map; got '" + derived.table() + "'"));
                if (derived.column() == null || (table.column(derived.column()).isEmpty()
                        && !table.isKey(derived.column()))) {
                    throw new FulfilmentConfigException(system.file(), key + ".column", "expected a mapped column "
                            + "or key column of table '" + table.name() + "'; got '" + derived.column() + "'");
                }
            }
        }
        for (TargetSystem system : catalogue.all()) {
            checkNoCycle(catalogue, system, new HashSet<>());
        }
    }

    private static void checkNoCycle(FulfilmentCatalogue catalogue, TargetSystem system, Set<String> path) {
        if (!path.add(system.id())) {
            throw new FulfilmentConfigException(system.file(), "identities-from", "systems derive identities from "
                    + "each other in a cycle: " + path);
        }
        for (DerivedIdentity derived : system.identitiesFrom()) {
            catalogue.system(derived.system()).ifPresent(s -> checkNoCycle(catalogue, s, new HashSet<>(path)));
        }
    }

    private static List<Path> list(Path directory, java.util.function.Predicate<Path> filter) {
        try (Stream<Path> listing = Files.list(directory)) {
            return new ArrayList<>(listing.filter(filter).sorted().toList());
        } catch (IOException e) {
            throw new FulfilmentConfigException(directory + ": cannot be listed: " + e.getMessage(), e);
        }
    }
}
