package io.dsrhub.connector.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows a walk found, per table: each row's primary key and the few values the walk and the retention rules
 * need (reference columns, the event date). Personal values the export or erasure works on are read again by key,
 * so this stays small.
 */
final class SubjectRows {

    /** The rows of one table, by primary key. */
    static final class TableRows {

        private final List<String> columns;
        private final List<Integer> keyIndexes;
        private final Map<List<Object>, Object[]> rows = new LinkedHashMap<>();

        TableRows(List<String> columns, List<Integer> keyIndexes) {
            this.columns = columns;
            this.keyIndexes = keyIndexes;
        }

        /** Adds a row; false when a row with its key was found before. */
        boolean add(Object[] values) {
            List<Object> key = new ArrayList<>(keyIndexes.size());
            for (int index : keyIndexes) {
                key.add(values[index]);
            }
            return rows.putIfAbsent(key, values) == null;
        }

        Collection<List<Object>> keys() {
            return rows.keySet();
        }

        Collection<Object[]> rows() {
            return rows.values();
        }

        Object value(Object[] row, String column) {
            int index = columns.indexOf(column.toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new IllegalArgumentException("column " + column + " was not fetched");
            }
            return row[index];
        }

        Object[] row(List<Object> key) {
            return rows.get(key);
        }

        int size() {
            return rows.size();
        }
    }

    private final Map<DataMap.Table, TableRows> tables = new LinkedHashMap<>();

    TableRows of(DataMap.Table table) {
        return tables.get(table);
    }

    TableRows create(DataMap.Table table, List<String> columns, List<Integer> keyIndexes) {
        return tables.computeIfAbsent(table, t -> new TableRows(columns, keyIndexes));
    }

    int count(DataMap.Table table) {
        TableRows rows = tables.get(table);
        return rows == null ? 0 : rows.size();
    }

    boolean isEmpty() {
        return tables.values().stream().allMatch(t -> t.size() == 0);
    }
}
