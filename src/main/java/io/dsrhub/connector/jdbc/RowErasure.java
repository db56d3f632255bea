package io.dsrhub.connector.jdbc;

import io.dsrhub.connector.ConnectorRejection;
import io.dsrhub.connector.TaskReport;
import io.dsrhub.connector.TaskWork;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.retention.PurgeDates;
import io.dsrhub.retention.PurgeEntry;
import io.dsrhub.retention.RetentionTerm;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Erases, restricts and purges a subject's rows inside the caller's transaction, table by table in the data map's
 * erase order (foreign-key holders first). A row or column a retention rule covers is kept and goes into a purge
 * entry with the date the rule lets it go; everything else targeted is deleted (delete-row tables) or erased by
 * its column's strategy.
 */
final class RowErasure {

    private final DataMap map;
    private final DatabaseSchema schema;
    private final KeyedHash hash;
    private final int chunk;

    RowErasure(DataMap map, DatabaseSchema schema, KeyedHash hash, int chunk) {
        this.map = map;
        this.schema = schema;
        this.hash = hash;
        this.chunk = chunk;
    }

    record Result(List<TaskReport.TableReport> tables, List<PurgeEntry> purges) {
    }

    /** One term with the categories it covers, and the date it would keep a row until. */
    private record Hold(RetentionTerm term, LocalDate purgeOn) {
    }

    Result erase(Connection connection, TaskWork work, SubjectRows rows) throws SQLException {
        List<TaskReport.TableReport> reports = new ArrayList<>();
        Purges purges = new Purges();
        for (DataMap.Table table : map.eraseOrder()) {
            List<DataMap.Column> targeted = table.targeted(work.categories());
            int found = rows.count(table);
            if (targeted.isEmpty() || found == 0) {
                continue;
            }
            SubjectRows.TableRows tableRows = rows.of(table);
            List<String> names = targeted.stream().map(DataMap.Column::name).toList();
            if (table.deleteRow()) {
                List<List<Object>> deleteNow = new ArrayList<>();
                int retained = 0;
                for (List<Object> key : tableRows.keys()) {
                    Hold hold = latestHold(work, targeted, eventDay(table, tableRows, key));
                    if (hold == null) {
                        deleteNow.add(key);
                    } else {
                        purges.add(hold, table.name(), List.of(), key);
                        retained++;
                    }
                }
                int erased = delete(connection, table, deleteNow);
                reports.add(new TaskReport.TableReport(table.name(), found, 0, erased, 0, retained, "delete-row", names));
                continue;
            }
            List<DataMap.Column> erasable = targeted.stream()
                    .filter(c -> c.erase() != EraseStrategy.KEEP && !table.isKey(c.name())).toList();
            List<DataMap.Column> now = new ArrayList<>();
            List<DataMap.Column> later = new ArrayList<>();
            for (DataMap.Column column : erasable) {
                (covering(work, column).isEmpty() ? now : later).add(column);
            }
            List<List<Object>> keys = new ArrayList<>(tableRows.keys());
            int erased = now.isEmpty() ? 0 : update(connection, table, now, keys);
            for (List<Object> key : later.isEmpty() ? List.<List<Object>>of() : keys) {
                LocalDate eventDay = eventDay(table, tableRows, key);
                Map<Hold, List<String>> byHold = new LinkedHashMap<>();
                for (DataMap.Column column : later) {
                    Hold hold = latestHold(work, List.of(column), eventDay);
                    byHold.computeIfAbsent(hold, h -> new ArrayList<>()).add(column.name());
                }
                byHold.forEach((hold, columns) -> purges.add(hold, table.name(), columns, key));
            }
            reports.add(new TaskReport.TableReport(table.name(), found, 0, erased, 0, later.isEmpty() ? 0 : found,
                    erasable.isEmpty() ? "keep" : "update", names));
        }
        return new Result(reports, purges.entries());
    }

    /** Erases what the due purge entries kept: deletes their rows or erases their columns. */
    List<TaskReport.TableReport> purge(Connection connection, List<PurgeEntry> due) throws SQLException {
        Map<DataMap.Table, List<PurgeEntry.RetainedRows>> byTable = new LinkedHashMap<>();
        for (PurgeEntry entry : due) {
            for (PurgeEntry.RetainedRows rows : entry.rows() == null ? List.<PurgeEntry.RetainedRows>of() : entry.rows()) {
                DataMap.Table table = map.table(rows.table()).orElseThrow(() -> new ConnectorRejection("table "
                        + rows.table() + " of a purge plan is no longer in the data map"));
                byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(rows);
            }
        }
        List<TaskReport.TableReport> reports = new ArrayList<>();
        for (DataMap.Table table : map.eraseOrder()) {
            List<PurgeEntry.RetainedRows> planned = byTable.get(table);
            if (planned == null) {
                continue;
            }
            int found = 0;
            int erased = 0;
            for (PurgeEntry.RetainedRows rows : planned) {
                List<List<Object>> keys = decode(table, rows.keys());
                found += keys.size();
                if (rows.columns() == null || rows.columns().isEmpty()) {
                    erased += delete(connection, table, keys);
                } else {
                    List<DataMap.Column> columns = rows.columns().stream()
                            .map(name -> table.column(name).orElseThrow(() -> new ConnectorRejection("column "
                                    + name + " of a purge plan is no longer in the data map")))
                            .toList();
                    erased += update(connection, table, columns, keys);
                }
            }
            reports.add(new TaskReport.TableReport(table.name(), found, 0, erased, 0, 0,
                    table.deleteRow() ? "delete-row" : "update", null));
        }
        return reports;
    }

    /** Marks the subject's rows of every table with a restriction column as restricted. */
    List<TaskReport.TableReport> restrict(Connection connection, TaskWork work, SubjectRows rows) throws SQLException {
        List<TaskReport.TableReport> reports = new ArrayList<>();
        for (DataMap.Table table : map.tables()) {
            if (table.restrict() == null || table.targeted(work.categories()).isEmpty() || rows.count(table) == 0) {
                continue;
            }
            List<List<Object>> keys = new ArrayList<>(rows.of(table).keys());
            KeyFilter filter = KeyFilter.of(schema, table);
            int restricted = 0;
            for (int start = 0; start < keys.size(); start += chunk) {
                List<List<Object>> part = keys.subList(start, Math.min(keys.size(), start + chunk));
                String sql = "UPDATE " + schema.table(table).sqlName() + " SET "
                        + schema.column(table, table.restrict().column()) + " = ? WHERE " + filter.where(part.size());
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setObject(1, table.restrict().value());
                    filter.bind(statement, 2, part);
                    restricted += statement.executeUpdate();
                }
            }
            reports.add(new TaskReport.TableReport(table.name(), keys.size(), 0, 0, restricted, 0, null,
                    List.of(table.restrict().column())));
        }
        return reports;
    }

    private List<RetentionTerm> covering(TaskWork work, DataMap.Column column) {
        return work.retention().stream()
                .filter(term -> new DataCategories(term.categories()).coversAny(column.categories())).toList();
    }

    /** The covering term that keeps the data longest, or null when no term covers any of the columns. */
    private Hold latestHold(TaskWork work, List<DataMap.Column> columns, LocalDate eventDay) {
        return columns.stream().flatMap(c -> covering(work, c).stream()).distinct()
                .map(term -> new Hold(term, PurgeDates.purgeOn(term, work.today(), eventDay)))
                .max(Comparator.comparing(Hold::purgeOn)).orElse(null);
    }

    private static LocalDate eventDay(DataMap.Table table, SubjectRows.TableRows rows, List<Object> key) {
        if (table.eventDate() == null) {
            return null;
        }
        Object value = rows.value(rows.row(key), table.eventDate());
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toLocalDate();
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate day) {
            return day;
        }
        if (value instanceof LocalDateTime time) {
            return time.toLocalDate();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toLocalDate();
        }
        return null;
    }

    private int delete(Connection connection, DataMap.Table table, List<List<Object>> keys) throws SQLException {
        KeyFilter filter = KeyFilter.of(schema, table);
        int deleted = 0;
        for (int start = 0; start < keys.size(); start += chunk) {
            List<List<Object>> part = keys.subList(start, Math.min(keys.size(), start + chunk));
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM " + schema.table(table).sqlName() + " WHERE " + filter.where(part.size()))) {
                filter.bind(statement, 1, part);
                deleted += statement.executeUpdate();
            }
        }
        return deleted;
    }

    /** Erases columns of rows by their strategies; returns how many rows were changed. */
    private int update(Connection connection, DataMap.Table table, List<DataMap.Column> columns,
            List<List<Object>> keys) throws SQLException {
        List<DataMap.Column> plain = columns.stream().filter(c -> c.erase() == EraseStrategy.SET_NULL
                || c.erase() == EraseStrategy.REWRITE).toList();
        List<DataMap.Column> hashed = columns.stream().filter(c -> c.erase() == EraseStrategy.KEYED_HASH).toList();
        KeyFilter filter = KeyFilter.of(schema, table);
        int changed = 0;
        for (int start = 0; start < keys.size(); start += chunk) {
            List<List<Object>> part = keys.subList(start, Math.min(keys.size(), start + chunk));
            int plainChanged = plain.isEmpty() ? 0 : updatePlain(connection, table, plain, filter, part);
            int hashChanged = hashed.isEmpty() ? 0 : updateHashed(connection, table, hashed, filter, part);
            changed += Math.max(plainChanged, hashChanged);
        }
        return changed;
    }

    private int updatePlain(Connection connection, DataMap.Table table, List<DataMap.Column> columns,
            KeyFilter filter, List<List<Object>> keys) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE ").append(schema.table(table).sqlName()).append(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            DataMap.Column column = columns.get(i);
            sql.append(i == 0 ? "" : ", ").append(schema.column(table, column.name()))
                    .append(column.erase() == EraseStrategy.SET_NULL ? " = NULL" : " = ?");
        }
        sql.append(" WHERE ").append(filter.where(keys.size()));
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (DataMap.Column column : columns) {
                if (column.erase() == EraseStrategy.REWRITE) {
                    statement.setString(index++, column.rewriteValue());
                }
            }
            filter.bind(statement, index, keys);
            return statement.executeUpdate();
        }
    }

    /** Reads the current values and writes their keyed hashes back, row by row in one batch. */
    private int updateHashed(Connection connection, DataMap.Table table, List<DataMap.Column> columns,
            KeyFilter filter, List<List<Object>> keys) throws SQLException {
        if (hash == null) {
            throw new ConnectorRejection("no erasure hash key is configured (dsr.fulfilment.hash-key)");
        }
        int keySize = table.primaryKey().size();
        StringBuilder select = new StringBuilder("SELECT ");
        for (String key : table.primaryKey()) {
            select.append(schema.column(table, key)).append(", ");
        }
        for (int i = 0; i < columns.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(schema.column(table, columns.get(i).name()));
        }
        select.append(" FROM ").append(schema.table(table).sqlName()).append(" WHERE ").append(filter.where(keys.size()));
        List<Object[]> current = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select.toString())) {
            filter.bind(statement, 1, keys);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[keySize + columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    current.add(row);
                }
            }
        }
        StringBuilder update = new StringBuilder("UPDATE ").append(schema.table(table).sqlName()).append(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            update.append(i == 0 ? "" : ", ").append(schema.column(table, columns.get(i).name())).append(" = ?");
        }
        update.append(" WHERE ").append(filter.where(1));
        int changed = 0;
        try (PreparedStatement statement = connection.prepareStatement(update.toString())) {
            for (Object[] row : current) {
                for (int i = 0; i < columns.size(); i++) {
                    Object value = row[keySize + i];
                    int size = schema.table(table).column(columns.get(i).name()).size();
                    statement.setString(i + 1, value == null ? null : hash.of(value.toString(), size));
                }
                List<Object> key = new ArrayList<>();
                for (int k = 0; k < keySize; k++) {
                    key.add(row[k]);
                }
                filter.bind(statement, columns.size() + 1, List.of(key));
                statement.addBatch();
                changed++;
            }
            if (changed > 0) {
                statement.executeBatch();
            }
        }
        return changed;
    }

    private List<List<Object>> decode(DataMap.Table table, List<List<String>> keys) {
        List<List<Object>> decoded = new ArrayList<>();
        for (List<String> key : keys) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < table.primaryKey().size(); i++) {
                values.add(KeyCodec.decode(key.get(i), schema.table(table).column(table.primaryKey().get(i))));
            }
            decoded.add(values);
        }
        return decoded;
    }

    /** Retained rows grouped by purge date and rule, then by table and columns. */
    private static final class Purges {

        private final Map<String, Map<String, List<List<String>>>> rows = new TreeMap<>();
        private final Map<String, Hold> holds = new LinkedHashMap<>();

        void add(Hold hold, String table, List<String> columns, List<Object> key) {
            String entry = hold.purgeOn() + "|" + hold.term().rule();
            holds.putIfAbsent(entry, hold);
            String group = table + "|" + String.join(",", columns);
            rows.computeIfAbsent(entry, e -> new LinkedHashMap<>())
                    .computeIfAbsent(group, g -> new ArrayList<>())
                    .add(key.stream().map(KeyCodec::encode).toList());
        }

        List<PurgeEntry> entries() {
            List<PurgeEntry> entries = new ArrayList<>();
            rows.forEach((entry, groups) -> {
                Hold hold = holds.get(entry);
                List<PurgeEntry.RetainedRows> retained = new ArrayList<>();
                groups.forEach((group, keys) -> {
                    String[] parts = group.split("\\|", -1);
                    List<String> columns = parts[1].isEmpty() ? List.of() : List.of(parts[1].split(","));
                    retained.add(new PurgeEntry.RetainedRows(parts[0], columns, keys));
                });
                entries.add(new PurgeEntry(hold.purgeOn(), hold.term().rule(), hold.term().basis(), retained,
                        List.of()));
            });
            entries.sort(Comparator.comparing(PurgeEntry::purgeOn).thenComparing(e -> Objects.toString(e.rule())));
            return entries;
        }
    }
}
