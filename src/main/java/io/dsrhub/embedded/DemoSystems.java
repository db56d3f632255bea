package io.dsrhub.embedded;

import io.dsrhub.connector.jdbc.JdbcConnector;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.fulfilment.TargetSystem;
import io.dsrhub.storage.HubBuckets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * The embedded profile's demo data, so that a newcomer's request finds real rows and objects: each demo database
 * system ({@code demo: true}) gets the tables and rows of {@code demo/<system id>.sql}, each demo bucket system the
 * objects listed in {@code demo/<system id>.objects} on the embedded object store. A script may take its tables from
 * a shared schema script ({@code -- schema: account-database} reads {@code demo/account-database.sql} first). Seeding is idempotent: tables are
 * created if missing, rows are added only to an empty table, objects only when missing.
 */
public final class DemoSystems {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSystems.class);
    /** Separates a demo script's schema from its rows: {@code -- rows of <table>}. */
    private static final String ROWS_MARKER = "-- rows of ";
    /** A demo script that shares a schema names it: {@code -- schema: account-database}. */
    private static final Pattern SCHEMA = Pattern.compile("(?m)^-- schema: ([a-z0-9-]+)$");

    private final HubBuckets buckets;

    public DemoSystems(HubBuckets buckets) {
        this.buckets = buckets;
    }

    public void seedDatabases(FulfilmentCatalogue catalogue) {
        for (TargetSystem system : catalogue.all()) {
            if (system.demo() && system.connector() instanceof JdbcConnector jdbc) {
                String script = resource("demo/" + system.id() + ".sql");
                if (script != null) {
                    seed(system.id(), jdbc, withSchema(script));
                }
            }
        }
    }

    private void seed(String systemId, JdbcConnector jdbc, String script) {
        int marker = script.indexOf(ROWS_MARKER);
        String schema = marker < 0 ? script : script.substring(0, marker);
        String rows = marker < 0 ? "" : script.substring(marker);
        String table = marker < 0 ? null : rows.substring(ROWS_MARKER.length(), rows.indexOf('\n')).strip();
        try (Connection connection = jdbc.connection(); Statement statement = connection.createStatement()) {
            for (String sql : statements(schema)) {
                statement.execute(sql);
            }
            if (table != null && table.matches("^[a-z_]+$")) {
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count.next();
                    if (count.getLong(1) == 0) {
                        for (String sql : statements(rows)) {
                            statement.execute(sql);
                        }
                        LOG.info("demo system {} seeded", systemId);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("demo system " + systemId + " could not be seeded: " + e.getMessage(), e);
        }
    }

    private String withSchema(String script) {
        Matcher named = SCHEMA.matcher(script);
        if (!named.find()) {
            return script;
        }
        String schema = resource("demo/" + named.group(1) + ".sql");
        if (schema == null) {
            throw new IllegalStateException("demo script names the schema demo/" + named.group(1)
                    + ".sql, which is not on the classpath");
        }
        return schema + "\n" + script;
    }

    public void seedBuckets(FulfilmentCatalogue catalogue) {
        for (TargetSystem system : catalogue.all()) {
            String listing = system.demo() ? resource("demo/" + system.id() + ".objects") : null;
            if (listing == null) {
                continue;
            }
            int added = 0;
            for (String line : listing.split("\n")) {
                String[] parts = line.strip().split("\\s+", 3);
                if (line.isBlank() || line.startsWith("#") || parts.length < 3) {
                    continue;
                }
                String bucket = parts[0];
                String key = parts[1];
                if (!buckets.client().listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket))) {
                    buckets.client().createBucket(b -> b.bucket(bucket));
                    buckets.client().putBucketVersioning(b -> b.bucket(bucket)
                            .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
                }
                if (buckets.client().listObjectsV2(b -> b.bucket(bucket).prefix(key)).keyCount() == 0) {
                    buckets.client().putObject(b -> b.bucket(bucket).key(key).contentType("video/mp4"),
                            RequestBody.fromString(parts[2], StandardCharsets.UTF_8));
                    added++;
                }
            }
            if (added > 0) {
                LOG.info("demo system {}: {} objects seeded", system.id(), added);
            }
        }
    }

    private static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    private static String resource(String name) {
        try (InputStream in = DemoSystems.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
