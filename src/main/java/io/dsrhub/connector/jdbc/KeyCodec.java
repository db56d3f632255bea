package io.dsrhub.connector.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Primary-key values in text form, for the purge plans kept in the ledger, and back to the type of the key column
 * so that they bind as parameters of the right type.
 */
final class KeyCodec {

    private KeyCodec() {
    }

    static String encode(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof Date date) {
            return date.toLocalDate().toString();
        }
        return String.valueOf(value);
    }

    static Object decode(String text, DatabaseSchema.ColumnInfo column) {
        return switch (column.sqlType()) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Long.parseLong(text);
            case Types.NUMERIC, Types.DECIMAL -> new BigDecimal(text);
            case Types.DATE -> Date.valueOf(LocalDate.parse(text));
            case Types.TIME -> Time.valueOf(text);
            case Types.TIMESTAMP -> Timestamp.valueOf(LocalDateTime.parse(text));
            case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.parse(text);
            case Types.BOOLEAN, Types.BIT -> Boolean.parseBoolean(text);
            default -> "uuid".equalsIgnoreCase(column.typeName()) ? UUID.fromString(text) : text;
        };
    }
}
