package io.dsrhub.connector.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The WHERE clause that picks rows by primary key: {@code id IN (?, ?)} for a one-column key,
 * {@code (a = ? AND b = ?) OR (...)} for a composite one. Keys are bound as parameters, in chunks.
 */
final class KeyFilter {

    private final List<String> keyColumns;

    /** @param keyColumns the key columns, quoted for SQL */
    KeyFilter(List<String> keyColumns) {
        this.keyColumns = keyColumns;
    }

    static KeyFilter of(DatabaseSchema schema, DataMap.Table table) {
        return new KeyFilter(table.primaryKey().stream().map(k -> schema.column(table, k)).toList());
    }

    String where(int keys) {
        if (keyColumns.size() == 1) {
            return keys == 1 ? keyColumns.get(0) + " = ?"
                    : keyColumns.get(0) + " IN (" + "?, ".repeat(keys - 1) + "?)";
        }
        String one = "(" + String.join(" = ? AND ", keyColumns) + " = ?)";
        return String.join(" OR ", java.util.Collections.nCopies(keys, one));
    }

    /** Binds the keys from parameter {@code first}; returns the next free parameter index. */
    int bind(PreparedStatement statement, int first, List<List<Object>> keys) throws SQLException {
        int index = first;
        for (List<Object> key : keys) {
            for (Object value : key) {
                statement.setObject(index++, value);
            }
        }
        return index;
    }
}
