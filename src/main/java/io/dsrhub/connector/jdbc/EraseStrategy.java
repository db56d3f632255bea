package io.dsrhub.connector.jdbc;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How one column's value is erased in a table whose rows are kept. */
public enum EraseStrategy {
    /** the value becomes NULL */
    SET_NULL,
    /** the value becomes the column's fixed {@code rewrite-value} */
    REWRITE,
    /** the value becomes an HMAC-SHA256 of itself under the hub's erasure key: still joinable, no longer readable */
    KEYED_HASH,
    /** the value stays (it is needed, or not personal on its own) */
    KEEP;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<EraseStrategy> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }

    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(EraseStrategy::code).toList());
    }
}
