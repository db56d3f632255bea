package io.dsrhub.connector.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsrhub.fulfilment.FulfilmentConfigException;
import io.dsrhub.fulfilment.FulfilmentFileReader;
import io.dsrhub.fulfilment.SystemContext;
import io.dsrhub.fulfilment.TargetSystem;
import java.nio.file.Path;
import java.util.List;

/** Reads a {@code type: jdbc} system file into a database system with its checked data map. */
public final class JdbcSystemReader {

    private JdbcSystemReader() {
    }

    /** H2 refuses file paths relative to the working directory; such a path is made absolute. */
    static JdbcSystemFile.ConnectionSettings absoluteH2Path(JdbcSystemFile.ConnectionSettings c) {
        String prefix = "jdbc:h2:file:";
        if (!c.url().startsWith(prefix)) {
            return c;
        }
        String rest = c.url().substring(prefix.length());
        String path = rest.contains(";") ? rest.substring(0, rest.indexOf(';')) : rest;
        if (path.startsWith("/") || path.startsWith("./") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            return c;
        }
        String url = prefix + java.nio.file.Path.of(path).toAbsolutePath() + rest.substring(path.length());
        return new JdbcSystemFile.ConnectionSettings(url, c.username(), c.password(), c.schema(), c.poolSize());
    }

    public static TargetSystem read(Path path, JsonNode tree, FulfilmentFileReader reader, String controllerId,
            SystemContext context) {
        String file = path.toString();
        JdbcSystemFile system = reader.bind(path, tree, JdbcSystemFile.class);
        JdbcSystemFile.ConnectionSettings connection = system.connection();
        if (connection == null || connection.url() == null || !connection.url().startsWith("jdbc:")) {
            throw new FulfilmentConfigException(file, "connection.url", "expected a JDBC URL such as "
                    + "jdbc:postgresql://db:5432/shop (jdbc:mariadb:, jdbc:mysql: and jdbc:h2: work too)");
        }
        connection = absoluteH2Path(connection);
        if (connection.schema() != null) {
            DataMap.requireIdentifier(file, "connection.schema", connection.schema());
        }
        DataMap map = DataMap.compile(file, system.tables());
        boolean hashes = map.tables().stream().anyMatch(t -> !t.deleteRow() && t.columns().stream()
                .anyMatch(c -> c.erase() == EraseStrategy.KEYED_HASH && !c.categories().isEmpty()));
        if (hashes) {
            context.hash().get();
        }
        int concurrency = context.concurrency(file, system.maxConcurrency());
        int poolSize = connection.poolSize() == null ? concurrency + 1 : connection.poolSize();
        if (poolSize < 1 || poolSize > 100) {
            throw new FulfilmentConfigException(file, "connection.pool-size", "expected 1 to 100; got " + poolSize);
        }
        JdbcConnector connector = new JdbcConnector(file, system.id(), connection, map, poolSize, context.hash(),
                context.exports(), context.clock());
        return new TargetSystem(system.id(), system.name(), controllerId, file, Boolean.TRUE.equals(system.demo()), concurrency,
                system.identitiesFrom() == null ? List.of() : List.copyOf(system.identitiesFrom()), connector);
    }
}
