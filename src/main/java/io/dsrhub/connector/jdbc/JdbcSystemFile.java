package io.dsrhub.connector.jdbc;

import io.dsrhub.fulfilment.DerivedIdentity;
import java.util.List;

/** A database system file ({@code type: jdbc}) as written. */
public record JdbcSystemFile(String id, String name, String type, Boolean demo, Integer maxConcurrency,
        List<DerivedIdentity> identitiesFrom, ConnectionSettings connection, List<TableMap> tables) {

    /**
     * How to reach the database. {@code password} must come from the environment ({@code {{env:NAME}}}).
     *
     * @param schema the schema (PostgreSQL, H2) holding the tables; the connection's default when absent
     */
    public record ConnectionSettings(String url, String username, String password, String schema,
            Integer poolSize) {
    }

    /**
     * One table of the data map.
     *
     * @param erase     {@code delete-row} (rows holding targeted data are deleted) or {@code update} (the default:
     *                  each targeted column is erased by its own strategy)
     * @param eventDate a date column retention periods of its rows run from (the order date)
     * @param restrict  the column and value that mark a row as restricted from processing
     */
    public record TableMap(String name, List<String> primaryKey, String erase, String eventDate,
            RestrictionMark restrict, List<ColumnMap> columns) {
    }

    /**
     * One column: its data categories, the identity type it holds (the walk starts there), how it is erased, and
     * its references to other tables.
     *
     * @param erase {@code set-null} (default), {@code rewrite} (with {@code rewrite-value}), {@code keyed-hash} or
     *              {@code keep}
     */
    public record ColumnMap(String name, List<String> categories, String identity, String erase,
            String rewriteValue, List<ColumnReference> references) {
    }

    /**
     * A reference to another table's column, as in Fides' dataset YAML: {@code direction: to} walks from this
     * column to {@code field} (this table's rows lead to the other's), {@code from} walks from {@code field} to this
     * column (the other table's rows lead to this one's). The table declaring the reference holds the foreign key.
     *
     * @param field {@code table.column}
     */
    public record ColumnReference(String field, String direction) {
    }

    public record RestrictionMark(String column, Object value) {
    }
}
