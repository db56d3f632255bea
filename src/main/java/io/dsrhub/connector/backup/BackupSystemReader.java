package io.dsrhub.connector.backup;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.fulfilment.FulfilmentConfigException;
import io.dsrhub.fulfilment.FulfilmentFileReader;
import io.dsrhub.fulfilment.SystemContext;
import io.dsrhub.fulfilment.TargetSystem;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@code type: backup} system file. */
public final class BackupSystemReader {

    private BackupSystemReader() {
    }

    public static TargetSystem read(Path path, JsonNode tree, FulfilmentFileReader reader, String controllerId,
            SystemContext context) {
        String file = path.toString();
        BackupSystemFile system = reader.bind(path, tree, BackupSystemFile.class);
        if (system.restoresInto() == null || system.restoresInto().isBlank()) {
            throw new FulfilmentConfigException(file, "restores-into", "expected the id of the database system the "
                    + "backups are restored into (the suppression ledger is re-applied there)");
        }
        if (system.categories() == null || system.categories().isEmpty()
                || !system.categories().stream().allMatch(DataCategories::isValid)) {
            throw new FulfilmentConfigException(file, "categories", "expected the data categories the backups "
                    + "hold, such as [user]");
        }
        if (system.sets() == null || system.sets().isEmpty()) {
            throw new FulfilmentConfigException(file, "sets", "expected at least one backup set, such as "
                    + "{id: daily, every: P1D, retention: P35D}");
        }
        Map<String, BackupBucket> buckets = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < system.sets().size(); i++) {
            BackupSystemFile.BackupSet set = system.sets().get(i);
            String key = "sets[" + i + "]";
            if (set.id() == null || !set.id().matches("^[a-z0-9][a-z0-9-]{0,31}$") || !ids.add(set.id())) {
                throw new FulfilmentConfigException(file, key + ".id", "expected a unique short id such as daily; "
                        + "got '" + set.id() + "'");
            }
            if (set.retention() == null || set.retention().isNegative() || set.retention().isZero()) {
                throw new FulfilmentConfigException(file, key + ".retention", "expected how long each backup is "
                        + "kept, such as P35D");
            }
            if (set.every() != null && (set.every().isNegative() || set.every().isZero())) {
                throw new FulfilmentConfigException(file, key + ".every", "expected how often a backup is taken, "
                        + "such as P1D");
            }
            if (set.bucket() != null) {
                BackupSystemFile.Bucket bucket = set.bucket();
                if (bucket.bucket() == null || !bucket.bucket().matches("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")) {
                    throw new FulfilmentConfigException(file, key + ".bucket.bucket", "expected a bucket name; got '"
                            + bucket.bucket() + "'");
                }
                if ((bucket.accessKey() == null) != (bucket.secretKey() == null)) {
                    throw new FulfilmentConfigException(file, key + ".bucket.secret-key", "give both access-key and "
                            + "secret-key, or neither");
                }
                if (bucket.endpoint() != null && !bucket.endpoint().matches("^https?://.+")) {
                    throw new FulfilmentConfigException(file, key + ".bucket.endpoint", "expected an http(s) URL");
                }
                buckets.put(set.id(), new BackupBucket(bucket));
            }
        }
        BackupConnector connector = new BackupConnector(system.id(), system.restoresInto(),
                new DataCategories(system.categories()), List.copyOf(system.sets()), buckets, context);
        return new TargetSystem(system.id(), system.name() == null ? system.id() : system.name(), controllerId, file,
                Boolean.TRUE.equals(system.demo()), context.concurrency(file, system.maxConcurrency()), List.of(),
                connector);
    }

    /** Every backup system restores into a database system of the same controller. */
    public static void checkRestoresInto(io.dsrhub.fulfilment.FulfilmentCatalogue catalogue) {
        for (TargetSystem system : catalogue.all()) {
            if (system.connector() instanceof BackupConnector backup) {
                boolean ok = catalogue.system(backup.restoresInto())
                        .filter(s -> s.controllerId().equals(system.controllerId()))
                        .filter(s -> s.connector() instanceof io.dsrhub.connector.jdbc.JdbcConnector).isPresent();
                if (!ok) {
                    throw new FulfilmentConfigException(system.file(), "restores-into", "expected a database "
                            + "system of controller " + system.controllerId() + "; got '" + backup.restoresInto()
                            + "'");
                }
            }
        }
    }
}
