package io.dsrhub.connector.jdbc;

import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds a subject's rows: starts at every column marked as an identity the request carries, then follows the data
 * map's references from the rows found to the rows they lead to, until no new row turns up. Values are always bound
 * as parameters; e-mail addresses are compared without regard to case.
 */
final class SubjectWalk {

    private final DataMap map;
    private final DatabaseSchema schema;
    private final int chunk;
    private final Map<DataMap.Table, List<String>> fetched = new HashMap<>();

    SubjectWalk(DataMap map, DatabaseSchema schema, int chunk) {
        this.map = map;
        this.schema = schema;
        this.chunk = chunk;
        for (DataMap.Table table : map.tables()) {
            Set<String> columns = new LinkedHashSet<>();
            table.primaryKey().forEach(k -> columns.add(k.toLowerCase(Locale.ROOT)));
            map.edges().stream().filter(e -> e.from() == table)
                    .forEach(e -> columns.add(e.fromColumn().toLowerCase(Locale.ROOT)));
            if (table.eventDate() != null) {
                columns.add(table.eventDate().toLowerCase(Locale.ROOT));
            }
            fetched.put(table, List.copyOf(columns));
        }
    }

    /** The identity values a table can be searched by, from the request's raw identities. */
    static List<String> valuesOf(List<Identity> identities, IdentityType type) {
        return identities.stream().filter(i -> i.type() == type && i.isRaw()).map(Identity::value).distinct()
                .toList();
    }

    SubjectRows walk(Connection connection, List<Identity> identities) throws SQLException {
        SubjectRows found = new SubjectRows();
        Deque<Map.Entry<DataMap.Table, List<Object[]>>> pending = new ArrayDeque<>();
        for (DataMap.Table table : map.tables()) {
            for (DataMap.Column column : table.identities()) {
                List<String> values = valuesOf(identities, column.identity());
                if (values.isEmpty()) {
                    continue;
                }
                List<Object> wanted = column.identity() == IdentityType.EMAIL
                        ? values.stream().map(v -> (Object) v.toLowerCase(Locale.ROOT)).toList()
                        : new ArrayList<>(values);
                List<Object[]> rows = select(connection, table, column.name(),
                        column.identity() == IdentityType.EMAIL, wanted);
                List<Object[]> added = add(found, table, rows);
                if (!added.isEmpty()) {
                    pending.add(Map.entry(table, added));
                }
            }
        }
        Map<DataMap.Edge, Set<Object>> asked = new HashMap<>();
        while (!pending.isEmpty()) {
            Map.Entry<DataMap.Table, List<Object[]>> next = pending.poll();
            DataMap.Table from = next.getKey();
            for (DataMap.Edge edge : map.edges()) {
                if (edge.from() != from) {
                    continue;
                }
                SubjectRows.TableRows source = found.of(from);
                Set<Object> already = asked.computeIfAbsent(edge, e -> new java.util.HashSet<>());
                List<Object> values = new ArrayList<>();
                for (Object[] row : next.getValue()) {
                    Object value = source.value(row, edge.fromColumn());
                    if (value != null && already.add(value)) {
                        values.add(value);
                    }
                }
                if (values.isEmpty()) {
                    continue;
                }
                List<Object[]> added = add(found, edge.to(), select(connection, edge.to(), edge.toColumn(), false,
                        values));
                if (!added.isEmpty()) {
                    pending.add(Map.entry(edge.to(), added));
                }
            }
        }
        return found;
    }

    private List<Object[]> add(SubjectRows found, DataMap.Table table, List<Object[]> rows) {
        List<String> columns = fetched.get(table);
        List<Integer> keyIndexes = table.primaryKey().stream()
                .map(k -> columns.indexOf(k.toLowerCase(Locale.ROOT))).toList();
        SubjectRows.TableRows target = found.create(table, columns, keyIndexes);
        List<Object[]> added = new ArrayList<>();
        for (Object[] row : rows) {
            if (target.add(row)) {
                added.add(row);
            }
        }
        return added;
    }

    /** The walk's columns of the rows whose {@code column} holds one of {@code values}. */
    private List<Object[]> select(Connection connection, DataMap.Table table, String column, boolean ignoreCase,
            List<Object> values) throws SQLException {
        List<String> columns = fetched.get(table);
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(schema.column(table, columns.get(i)));
        }
        select.append(" FROM ").append(schema.table(table).sqlName()).append(" WHERE ");
        String target = ignoreCase ? "LOWER(" + schema.column(table, column) + ")" : schema.column(table, column);
        List<Object[]> rows = new ArrayList<>();
        for (int start = 0; start < values.size(); start += chunk) {
            List<Object> part = values.subList(start, Math.min(values.size(), start + chunk));
            String sql = select + target + (part.size() == 1 ? " = ?" : " IN (" + "?, ".repeat(part.size() - 1) + "?)");
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < part.size(); i++) {
                    statement.setObject(i + 1, part.get(i));
                }
                statement.setFetchSize(chunk);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }
}
