package io.dsrhub.connector.jdbc;

import io.dsrhub.fulfilment.FulfilmentConfigException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The live database's view of a data map: every table and column the map names looked up in the database's
 * metadata (names matched without regard to case), with its real name, type, size and nullability. Building it is
 * the start-up check that the data map fits the database; a table or column that is not there, or a strategy that
 * cannot work on a column, stops start-up with the file and key. SQL is built only from the names found here,
 * quoted.
 */
public final class DatabaseSchema {

    /** A column as the database describes it. */
    public record ColumnInfo(String name, int sqlType, String typeName, boolean nullable, int size) {

        public boolean isCharacter() {
            return switch (sqlType) {
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                        Types.CLOB, Types.NCLOB -> true;
                default -> typeName != null && typeName.toLowerCase(Locale.ROOT).contains("text");
            };
        }

        public boolean isDate() {
            return switch (sqlType) {
                case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> true;
                default -> false;
            };
        }
    }

    /** A table: its name quoted for SQL (with the schema) and its columns by lower-case name. */
    public record TableInfo(String sqlName, Map<String, ColumnInfo> columns) {

        public ColumnInfo column(String name) {
            ColumnInfo info = columns.get(name.toLowerCase(Locale.ROOT));
            if (info == null) {
                throw new IllegalStateException("column " + name + " was not checked at start-up");
            }
            return info;
        }
    }

    private static final int MIN_HASH_LENGTH = 16;

    private final Map<String, TableInfo> tables;
    private final String quote;

    private DatabaseSchema(Map<String, TableInfo> tables, String quote) {
        this.tables = tables;
        this.quote = quote;
    }

    public TableInfo table(DataMap.Table table) {
        return tables.get(table.name().toLowerCase(Locale.ROOT));
    }

    /** A column name quoted for SQL, as the database spells it. */
    public String column(DataMap.Table table, String column) {
        return quote + table(table).column(column).name() + quote;
    }

    /** Reads the metadata of every mapped table and checks the map against it. */
    public static DatabaseSchema read(String file, Connection connection, String schema, DataMap map)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String quote = meta.getIdentifierQuoteString() == null || meta.getIdentifierQuoteString().isBlank()
                ? "\"" : meta.getIdentifierQuoteString().strip();
        String catalog = connection.getCatalog();
        String wantedSchema = schema != null ? schema : connection.getSchema();
        Map<String, String[]> found = new HashMap<>();
        try (ResultSet rs = meta.getTables(catalog, null, "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                String tableSchema = rs.getString("TABLE_SCHEM");
                if (type == null || type.toUpperCase(Locale.ROOT).contains("SYSTEM")
                        || !(type.toUpperCase(Locale.ROOT).contains("TABLE") || type.toUpperCase(Locale.ROOT).contains("VIEW"))) {
                    continue;
                }
                if (wantedSchema != null && tableSchema != null && !tableSchema.equalsIgnoreCase(wantedSchema)) {
                    continue;
                }
                String name = rs.getString("TABLE_NAME");
                found.putIfAbsent(name.toLowerCase(Locale.ROOT), new String[] {tableSchema, name});
            }
        }
        Map<String, TableInfo> tables = new HashMap<>();
        for (DataMap.Table table : map.tables()) {
            String[] real = found.get(table.name().toLowerCase(Locale.ROOT));
            if (real == null) {
                throw new FulfilmentConfigException(file, table.key() + ".name", "table '" + table.name()
                        + "' does not exist in " + (wantedSchema == null ? "the database" : "schema '" + wantedSchema
                        + "'") + "; check the name (and connection.schema)");
            }
            Map<String, ColumnInfo> columns = new HashMap<>();
            try (ResultSet rs = meta.getColumns(catalog, real[0], real[1], "%")) {
                while (rs.next()) {
                    String name = rs.getString("COLUMN_NAME");
                    columns.put(name.toLowerCase(Locale.ROOT), new ColumnInfo(name, rs.getInt("DATA_TYPE"),
                            rs.getString("TYPE_NAME"), rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                            rs.getInt("COLUMN_SIZE")));
                }
            }
            String sqlName = (real[0] == null ? "" : quote + real[0] + quote + ".") + quote + real[1] + quote;
            tables.put(table.name().toLowerCase(Locale.ROOT), new TableInfo(sqlName, Map.copyOf(columns)));
        }
        DatabaseSchema result = new DatabaseSchema(Map.copyOf(tables), quote);
        result.check(file, map);
        return result;
    }

    private void check(String file, DataMap map) {
        for (DataMap.Table table : map.tables()) {
            Map<String, ColumnInfo> columns = table(table).columns();
            for (int k = 0; k < table.primaryKey().size(); k++) {
                require(file, table.key() + ".primary-key[" + k + "]", table, columns, table.primaryKey().get(k));
            }
            for (DataMap.Column column : table.columns()) {
                ColumnInfo info = require(file, column.key() + ".name", table, columns, column.name());
                checkStrategy(file, table, column, info);
            }
            if (table.eventDate() != null) {
                ColumnInfo info = require(file, table.key() + ".event-date", table, columns, table.eventDate());
                if (!info.isDate()) {
                    throw new FulfilmentConfigException(file, table.key() + ".event-date", "column '"
                            + info.name() + "' is " + info.typeName() + "; expected a date or timestamp column");
                }
            }
            if (table.restrict() != null) {
                require(file, table.key() + ".restrict.column", table, columns, table.restrict().column());
            }
        }
        for (DataMap.Edge edge : map.edges()) {
            require(file, edge.key() + ".field", edge.from(), table(edge.from()).columns(), edge.fromColumn());
            require(file, edge.key() + ".field", edge.to(), table(edge.to()).columns(), edge.toColumn());
        }
    }

    private static void checkStrategy(String file, DataMap.Table table, DataMap.Column column, ColumnInfo info) {
        if (table.deleteRow() || column.categories().isEmpty()) {
            return;
        }
        String key = column.key() + ".erase";
        switch (column.erase()) {
            case SET_NULL -> {
                if (!info.nullable()) {
                    throw new FulfilmentConfigException(file, key, "column '" + info.name() + "' is NOT NULL, so "
                            + "set-null (the default) cannot erase it; use rewrite or keyed-hash, or erase: "
                            + "delete-row on the table");
                }
            }
            case KEYED_HASH -> {
                if (!info.isCharacter() || (info.size() > 0 && info.size() < MIN_HASH_LENGTH)) {
                    throw new FulfilmentConfigException(file, key, "keyed-hash needs a text column of at least "
                            + MIN_HASH_LENGTH + " characters; column '" + info.name() + "' is " + info.typeName()
                            + "(" + info.size() + ")");
                }
            }
            case REWRITE -> {
                if (!info.isCharacter()) {
                    throw new FulfilmentConfigException(file, key, "rewrite writes text; column '" + info.name()
                            + "' is " + info.typeName() + "; use set-null");
                }
                if (info.size() > 0 && column.rewriteValue().length() > info.size()) {
                    throw new FulfilmentConfigException(file, column.key() + ".rewrite-value", "is longer than "
                            + "column '" + info.name() + "' (" + info.size() + " characters)");
                }
            }
            case KEEP -> {
                // nothing to check
            }
        }
    }

    private static ColumnInfo require(String file, String key, DataMap.Table table, Map<String, ColumnInfo> columns,
            String column) {
        ColumnInfo info = columns.get(column.toLowerCase(Locale.ROOT));
        if (info == null) {
            throw new FulfilmentConfigException(file, key, "column '" + column + "' does not exist in table '"
                    + table.name() + "'; it has " + columns.values().stream().map(ColumnInfo::name).sorted().toList());
        }
        return info;
    }
}
