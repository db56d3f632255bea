package io.dsrhub.connector.jdbc;

import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.fulfilment.FulfilmentConfigException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A database's data map, checked and compiled: tables with their primary keys, identity columns, categorised
 * columns and erase strategies, the references the walk follows from the identity, and the order an erasure works
 * in (tables holding a foreign key before the tables it points to). What the file says is checked here; whether
 * the database agrees is checked by {@link DatabaseSchema}.
 */
public final class DataMap {

    /** Identifiers are used in SQL (quoted), so they are held to a strict shape first. */
    static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,62}$");

    private final List<Table> tables;
    private final List<Edge> edges;
    private final List<Table> eraseOrder;

    private DataMap(List<Table> tables, List<Edge> edges, List<Table> eraseOrder) {
        this.tables = tables;
        this.edges = edges;
        this.eraseOrder = eraseOrder;
    }

    /** One mapped table. {@code key} is the configuration key naming it, for messages. */
    public record Table(String name, String key, List<String> primaryKey, boolean deleteRow, String eventDate,
            JdbcSystemFile.RestrictionMark restrict, List<Column> columns) {

        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        }

        /** The columns holding data of the targeted categories. */
        public List<Column> targeted(DataCategories categories) {
            return columns.stream().filter(c -> categories.coversAny(c.categories())).toList();
        }

        public List<Column> identities() {
            return columns.stream().filter(c -> c.identity() != null).toList();
        }

        public boolean isKey(String column) {
            return primaryKey.stream().anyMatch(k -> k.equalsIgnoreCase(column));
        }
    }

    /** One mapped column. */
    public record Column(String name, String key, List<String> categories, IdentityType identity,
            EraseStrategy erase, String rewriteValue) {
    }

    /** A step of the walk: rows found in {@code from} lead to rows of {@code to} whose {@code toColumn} holds a value of their {@code fromColumn}. */
    public record Edge(Table from, String fromColumn, Table to, String toColumn, String key) {
    }

    public List<Table> tables() {
        return tables;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** Tables in the order an erasure handles them: a table before every table it holds a foreign key to. */
    public List<Table> eraseOrder() {
        return eraseOrder;
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    public boolean holds(DataCategories categories) {
        return tables.stream().anyMatch(t -> !t.targeted(categories).isEmpty());
    }

    /** Compiles and checks a system file's {@code tables}. */
    public static DataMap compile(String file, List<JdbcSystemFile.TableMap> tableMaps) {
        if (tableMaps == null || tableMaps.isEmpty()) {
            throw new FulfilmentConfigException(file, "tables", "expected the data map: at least one table");
        }
        Map<String, Table> byName = new LinkedHashMap<>();
        for (int i = 0; i < tableMaps.size(); i++) {
            Table table = table(file, "tables[" + i + "]", tableMaps.get(i));
            if (byName.put(table.name().toLowerCase(Locale.ROOT), table) != null) {
                throw new FulfilmentConfigException(file, "tables[" + i + "].name", "table '" + table.name()
                        + "' is mapped twice");
            }
        }
        if (byName.values().stream().allMatch(t -> t.identities().isEmpty())) {
            throw new FulfilmentConfigException(file, "tables", "no column is marked with 'identity', so no "
                    + "subject can be found; mark the e-mail (or account id, ...) column with identity: email");
        }
        List<Edge> edges = new ArrayList<>();
        Map<Table, Set<Table>> parentsOf = new LinkedHashMap<>();
        byName.values().forEach(t -> parentsOf.put(t, new LinkedHashSet<>()));
        for (int i = 0; i < tableMaps.size(); i++) {
            JdbcSystemFile.TableMap map = tableMaps.get(i);
            Table table = byName.get(map.name().toLowerCase(Locale.ROOT));
            List<JdbcSystemFile.ColumnMap> columns = map.columns() == null ? List.of() : map.columns();
            for (int c = 0; c < columns.size(); c++) {
                List<JdbcSystemFile.ColumnReference> references = columns.get(c).references();
                if (references == null) {
                    continue;
                }
                for (int r = 0; r < references.size(); r++) {
                    String key = "tables[" + i + "].columns[" + c + "].references[" + r + "]";
                    JdbcSystemFile.ColumnReference reference = references.get(r);
                    String[] field = reference.field() == null ? new String[0] : reference.field().split("\\.");
                    if (field.length != 2) {
                        throw new FulfilmentConfigException(file, key + ".field",
                                "expected table.column, such as customer.id; got '" + reference.field() + "'");
                    }
                    Table other = byName.get(field[0].toLowerCase(Locale.ROOT));
                    if (other == null) {
                        throw new FulfilmentConfigException(file, key + ".field", "table '" + field[0]
                                + "' is not in this data map; map it (its columns may have no categories)");
                    }
                    requireIdentifier(file, key + ".field", field[1]);
                    String direction = reference.direction() == null ? "" : reference.direction();
                    String column = columns.get(c).name();
                    switch (direction) {
                        case "to" -> edges.add(new Edge(table, column, other, field[1], key));
                        case "from" -> edges.add(new Edge(other, field[1], table, column, key));
                        default -> throw new FulfilmentConfigException(file, key + ".direction", "expected 'to' "
                                + "(walk from this column to the field) or 'from' (walk from the field to this "
                                + "column); got '" + reference.direction() + "'");
                    }
                    if (other != table) {
                        parentsOf.get(table).add(other);
                    }
                }
            }
        }
        return new DataMap(List.copyOf(byName.values()), List.copyOf(edges), eraseOrder(file, parentsOf));
    }

    private static Table table(String file, String key, JdbcSystemFile.TableMap map) {
        requireIdentifier(file, key + ".name", map.name());
        if (map.primaryKey() == null || map.primaryKey().isEmpty()) {
            throw new FulfilmentConfigException(file, key + ".primary-key", "expected the primary key column(s) of "
                    + "table '" + map.name() + "', such as [id]");
        }
        for (int k = 0; k < map.primaryKey().size(); k++) {
            requireIdentifier(file, key + ".primary-key[" + k + "]", map.primaryKey().get(k));
        }
        boolean deleteRow;
        String erase = map.erase() == null ? "update" : map.erase();
        switch (erase) {
            case "delete-row" -> deleteRow = true;
            case "update" -> deleteRow = false;
            default -> throw new FulfilmentConfigException(file, key + ".erase", "expected delete-row or update; got '"
                    + map.erase() + "'");
        }
        if (map.eventDate() != null) {
            requireIdentifier(file, key + ".event-date", map.eventDate());
        }
        if (map.restrict() != null) {
            requireIdentifier(file, key + ".restrict.column", map.restrict().column());
            if (map.restrict().value() == null) {
                throw new FulfilmentConfigException(file, key + ".restrict.value",
                        "expected the value that marks a row as restricted, such as true");
            }
        }
        List<JdbcSystemFile.ColumnMap> maps = map.columns() == null ? List.of() : map.columns();
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < maps.size(); c++) {
            Column column = column(file, key + ".columns[" + c + "]", maps.get(c), map);
            if (!seen.add(column.name().toLowerCase(Locale.ROOT))) {
                throw new FulfilmentConfigException(file, key + ".columns[" + c + "].name", "column '"
                        + column.name() + "' is mapped twice");
            }
            columns.add(column);
        }
        return new Table(map.name(), key, List.copyOf(map.primaryKey()), deleteRow, map.eventDate(), map.restrict(),
                List.copyOf(columns));
    }

    private static Column column(String file, String key, JdbcSystemFile.ColumnMap map,
            JdbcSystemFile.TableMap table) {
        requireIdentifier(file, key + ".name", map.name());
        List<String> categories = map.categories() == null ? List.of() : List.copyOf(map.categories());
        for (int i = 0; i < categories.size(); i++) {
            if (!DataCategories.isValid(categories.get(i))) {
                throw new FulfilmentConfigException(file, key + ".categories[" + i + "]", "expected a dotted "
                        + "category such as user.contact.email; got '" + categories.get(i) + "'");
            }
        }
        IdentityType identity = null;
        if (map.identity() != null) {
            identity = IdentityType.fromCode(map.identity()).orElseThrow(() -> new FulfilmentConfigException(file,
                    key + ".identity", "expected an identity type such as email, phone, account-id; got '"
                            + map.identity() + "'"));
        }
        boolean primary = table.primaryKey() != null
                && table.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(map.name()));
        EraseStrategy erase = map.erase() == null ? (primary ? EraseStrategy.KEEP : EraseStrategy.SET_NULL)
                : EraseStrategy.fromCode(map.erase()).orElseThrow(() -> new FulfilmentConfigException(file,
                        key + ".erase", "expected one of " + EraseStrategy.codes() + "; got '" + map.erase() + "'"));
        if (primary && erase != EraseStrategy.KEEP) {
            throw new FulfilmentConfigException(file, key + ".erase", "column '" + map.name() + "' is part of the "
                    + "primary key and cannot be rewritten; use erase: delete-row on the table to remove its rows");
        }
        if (erase == EraseStrategy.REWRITE && map.rewriteValue() == null) {
            throw new FulfilmentConfigException(file, key + ".rewrite-value",
                    "erase: rewrite needs the fixed value to write, such as 'erased'");
        }
        if (erase != EraseStrategy.REWRITE && map.rewriteValue() != null) {
            throw new FulfilmentConfigException(file, key + ".rewrite-value", "is only used with erase: rewrite");
        }
        return new Column(map.name(), key, categories, identity, erase, map.rewriteValue());
    }

    /** Tables that hold a foreign key come before the tables they point to; a cycle cannot be ordered. */
    private static List<Table> eraseOrder(String file, Map<Table, Set<Table>> parentsOf) {
        List<Table> order = new ArrayList<>();
        Set<Table> done = new HashSet<>();
        Set<Table> visiting = new HashSet<>();
        Map<Table, Set<Table>> childrenOf = new LinkedHashMap<>();
        parentsOf.keySet().forEach(t -> childrenOf.put(t, new LinkedHashSet<>()));
        parentsOf.forEach((child, parents) -> parents.forEach(p -> childrenOf.get(p).add(child)));
        for (Table table : parentsOf.keySet()) {
            visit(file, table, childrenOf, done, visiting, new ArrayDeque<>(), order);
        }
        return List.copyOf(order);
    }

    /** Depth-first: every child (foreign-key holder) of a table is placed before the table. */
    private static void visit(String file, Table table, Map<Table, Set<Table>> childrenOf, Set<Table> done,
            Set<Table> visiting, Deque<Table> path, List<Table> order) {
        if (done.contains(table)) {
            return;
        }
        if (!visiting.add(table)) {
            throw new FulfilmentConfigException(file, table.key(), "the references form a cycle through table '"
                    + table.name() + "', so no erase order exists; drop one of the references of the cycle");
        }
        path.push(table);
        for (Table child : childrenOf.get(table)) {
            visit(file, child, childrenOf, done, visiting, path, order);
        }
        path.pop();
        visiting.remove(table);
        done.add(table);
        order.add(table);
    }

    static void requireIdentifier(String file, String key, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new FulfilmentConfigException(file, key, "expected a table or column name (letters, digits, "
                    + "underscores; not starting with a digit); got '" + name + "'");
        }
    }
}
