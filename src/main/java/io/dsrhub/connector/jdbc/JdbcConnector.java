package io.dsrhub.connector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dsrhub.connector.Connector;
import io.dsrhub.connector.ConnectorRejection;
import io.dsrhub.connector.TaskOutcome;
import io.dsrhub.connector.TaskReport;
import io.dsrhub.connector.TaskWork;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.retention.PurgeEntry;
import io.dsrhub.storage.ExportStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A database system (PostgreSQL, MariaDB/MySQL, H2) driven by its data map. Every task walks the data map from the
 * subject's identities to their rows, then finds, exports, erases, restricts or purges them; an erasure (and a
 * purge) runs in one transaction, so it happens entirely or not at all.
 */
public final class JdbcConnector implements Connector {

    static final int CHUNK = 500;

    private final String file;
    private final JdbcSystemFile.ConnectionSettings settings;
    private final DataMap map;
    private final Supplier<KeyedHash> hash;
    private final Supplier<ExportStore> exports;
    private final Clock clock;
    private final HikariDataSource dataSource;
    private volatile DatabaseSchema schema;

    public JdbcConnector(String file, String systemId, JdbcSystemFile.ConnectionSettings settings, DataMap map,
            int poolSize, Supplier<KeyedHash> hash, Supplier<ExportStore> exports, Clock clock) {
        this.file = file;
        this.settings = settings;
        this.map = map;
        this.hash = hash;
        this.exports = exports;
        this.clock = clock;
        HikariConfig config = new HikariConfig();
        config.setPoolName("system-" + systemId);
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(15_000);
        // start even when the database is down: the check and the tasks wait for it
        config.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(config);
    }

    public DataMap dataMap() {
        return map;
    }

    /** A connection of the system's pool (the embedded profile seeds its demo databases through it). */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public String kind() {
        return "jdbc";
    }

    @Override
    public void verify() {
        try (Connection connection = dataSource.getConnection()) {
            schema = DatabaseSchema.read(file, connection, settings.schema(), map);
        } catch (SQLException e) {
            throw new IllegalStateException(file + ": cannot read the database's metadata: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean holds(DataCategories categories) {
        return map.holds(categories);
    }

    @Override
    public boolean automates(TaskAction action) {
        return switch (action) {
            case FIND, EXPORT, ERASE, PURGE -> true;
            case RESTRICT -> map.tables().stream().anyMatch(t -> t.restrict() != null);
            case RECTIFY, MANUAL -> false;
        };
    }

    @Override
    public TaskOutcome run(TaskWork work) throws Exception {
        DatabaseSchema checked = checkedSchema();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                TaskOutcome outcome = switch (work.action()) {
                    case FIND -> find(connection, work, checked);
                    case EXPORT -> export(connection, work, checked);
                    case ERASE -> erase(connection, work, checked);
                    case RESTRICT -> restrict(connection, work, checked);
                    case PURGE -> purge(connection, work, checked);
                    default -> throw new ConnectorRejection("a database system cannot " + work.action().code());
                };
                connection.commit();
                return outcome;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    @Override
    public List<String> lookup(String table, String column, List<Identity> identities) throws Exception {
        DatabaseSchema checked = checkedSchema();
        DataMap.Table mapped = map.table(table).orElseThrow(() -> new ConnectorRejection("table " + table
                + " is not in the data map"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                SubjectRows rows = new SubjectWalk(map, checked, CHUNK).walk(connection, identities);
                Set<String> values = new LinkedHashSet<>();
                if (rows.count(mapped) > 0) {
                    List<List<Object>> keys = new ArrayList<>(rows.of(mapped).keys());
                    KeyFilter filter = KeyFilter.of(checked, mapped);
                    for (int start = 0; start < keys.size(); start += CHUNK) {
                        List<List<Object>> part = keys.subList(start, Math.min(keys.size(), start + CHUNK));
                        try (PreparedStatement statement = connection.prepareStatement("SELECT "
                                + checked.column(mapped, column) + " FROM " + checked.table(mapped).sqlName()
                                + " WHERE " + filter.where(part.size()))) {
                            filter.bind(statement, 1, part);
                            try (ResultSet rs = statement.executeQuery()) {
                                while (rs.next()) {
                                    if (rs.getObject(1) != null) {
                                        values.add(rs.getObject(1).toString());
                                    }
                                }
                            }
                        }
                    }
                }
                connection.commit();
                return List.copyOf(values);
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private DatabaseSchema checkedSchema() {
        DatabaseSchema checked = schema;
        if (checked == null) {
            verify();
            checked = schema;
        }
        return checked;
    }

    private TaskOutcome find(Connection connection, TaskWork work, DatabaseSchema checked) throws SQLException {
        SubjectRows rows = new SubjectWalk(map, checked, CHUNK).walk(connection, work.identities());
        List<TaskReport.TableReport> tables = new ArrayList<>();
        for (DataMap.Table table : map.tables()) {
            List<DataMap.Column> targeted = table.targeted(work.categories());
            if (!targeted.isEmpty() && rows.count(table) > 0) {
                tables.add(new TaskReport.TableReport(table.name(), rows.count(table), 0, 0, 0, 0, null,
                        targeted.stream().map(DataMap.Column::name).toList()));
            }
        }
        return outcome(work, tables.isEmpty() ? TaskStatus.NOT_FOUND : TaskStatus.DONE, tables, null, List.of());
    }

    private TaskOutcome export(Connection connection, TaskWork work, DatabaseSchema checked) throws Exception {
        SubjectRows rows = new SubjectWalk(map, checked, CHUNK).walk(connection, work.identities());
        RowExport.Result result = new RowExport(map, checked, exports.get(), clock, CHUNK)
                .export(connection, work, rows);
        return outcome(work, result.export() == null ? TaskStatus.NOT_FOUND : TaskStatus.DONE, result.tables(),
                result.export(), List.of());
    }

    private TaskOutcome erase(Connection connection, TaskWork work, DatabaseSchema checked) throws SQLException {
        SubjectRows rows = new SubjectWalk(map, checked, CHUNK).walk(connection, work.identities());
        RowErasure.Result result = new RowErasure(map, checked, hash.get(), CHUNK).erase(connection, work, rows);
        TaskStatus status = !result.purges().isEmpty() ? TaskStatus.RETAINED
                : result.tables().isEmpty() ? TaskStatus.NOT_FOUND : TaskStatus.DONE;
        return outcome(work, status, result.tables(), null, result.purges());
    }

    private TaskOutcome restrict(Connection connection, TaskWork work, DatabaseSchema checked) throws SQLException {
        SubjectRows rows = new SubjectWalk(map, checked, CHUNK).walk(connection, work.identities());
        List<TaskReport.TableReport> tables = new RowErasure(map, checked, hash.get(), CHUNK)
                .restrict(connection, work, rows);
        return outcome(work, tables.isEmpty() ? TaskStatus.NOT_FOUND : TaskStatus.DONE, tables, null, List.of());
    }

    private TaskOutcome purge(Connection connection, TaskWork work, DatabaseSchema checked) throws SQLException {
        List<TaskReport.TableReport> tables = new RowErasure(map, checked, hash.get(), CHUNK)
                .purge(connection, work.purges());
        return outcome(work, TaskStatus.DONE, tables, null, List.of());
    }

    private TaskOutcome outcome(TaskWork work, TaskStatus status, List<TaskReport.TableReport> tables,
            TaskReport.ExportReport export, List<PurgeEntry> purges) {
        List<TaskReport.RetainedReport> retained = purges.stream()
                .map(p -> new TaskReport.RetainedReport(p.rule(), p.basis(), p.purgeOn(),
                        p.rows().stream().map(PurgeEntry.RetainedRows::table).distinct().toList(), null,
                        p.rowCount(), 0))
                .toList();
        TaskReport report = new TaskReport(work.systemId(), kind(), work.action().code(),
                work.categories().targets(), tables, null, export, retained, null, clock.instant());
        return new TaskOutcome(status, report, purges);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
