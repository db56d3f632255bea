package io.dsrhub.verification;

import io.dsrhub.domain.IdentityType;
import io.dsrhub.domain.RequestType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * How a controller verifies requesters ({@code verification:} in the controller file).
 *
 * @param levels          the level each request type needs (1: the e-mail on file, 2: a code sent to the contact on
 *                        file, 3: a code plus data points matched against the systems, or an operator review); types
 *                        left out take {@link #defaultLevel(RequestType)}
 * @param accountLookup   where the contact on file is found: a system of {@code config/fulfilment/<controller>/systems}
 *                        and a parameterised query taking the e-mail address given
 * @param dataPoints      level 3: per identity type (device-serial, order-number, ...), a parameterised query taking
 *                        the account reference and the value given; a row means the value belongs to the account
 * @param unknownSubjects what happens to a requester who is not on file: {@code verify-email} (prove control of the
 *                        address given, then the request runs and finds no data) or {@code operator-review}
 */
public record VerificationPolicy(
        Map<String, Integer> levels,
        AccountLookup accountLookup,
        Map<String, String> dataPoints,
        UnknownSubjects unknownSubjects) {

    public VerificationPolicy {
        levels = levels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        dataPoints = dataPoints == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dataPoints));
        unknownSubjects = unknownSubjects == null ? UnknownSubjects.VERIFY_EMAIL : unknownSubjects;
    }

    /** The policy of a controller file without a {@code verification:} section. */
    public static VerificationPolicy defaults() {
        return new VerificationPolicy(null, null, null, null);
    }

    /** The level a request of these types needs: the highest of its types. */
    public int levelFor(java.util.Collection<RequestType> types) {
        return types.stream().mapToInt(t -> levels.getOrDefault(t.code(), defaultLevel(t))).max().orElse(2);
    }

    /**
     * Level 1 for opting out and withdrawing consent, level 2 for the rest: copies of specific or sensitive data are
     * raised to level 3 per controller.
     */
    public static int defaultLevel(RequestType type) {
        return switch (type) {
            case OPT_OUT, CONSENT_WITHDRAWAL, OBJECTION -> 1;
            default -> 2;
        };
    }

    /** Checks the section; {@code fail} receives the key (below {@code verification.}) and the problem. */
    public void validate(BiConsumer<String, String> fail) {
        levels.forEach((type, level) -> {
            if (RequestType.fromCode(type).isEmpty()) {
                fail.accept("verification.levels." + type, "is not a request type; expected one of "
                        + java.util.Arrays.stream(RequestType.values()).map(RequestType::code).toList());
            }
            if (level == null || level < 1 || level > 3) {
                fail.accept("verification.levels." + type, "expected 1, 2 or 3; got " + level);
            }
        });
        if (accountLookup != null) {
            if (accountLookup.system() == null || accountLookup.system().isBlank()) {
                fail.accept("verification.account-lookup.system", "expected the id of a system of the controller");
            }
            if (placeholders(accountLookup.query()) != 1) {
                fail.accept("verification.account-lookup.query", "expected a query with exactly one ? (the e-mail "
                        + "address), returning the account reference and the e-mail on file");
            }
        }
        dataPoints.forEach((type, query) -> {
            if (IdentityType.fromCode(type).isEmpty()) {
                fail.accept("verification.data-points." + type, "is not an identity type; expected one of "
                        + java.util.Arrays.stream(IdentityType.values()).map(IdentityType::code).toList());
            }
            if (placeholders(query) != 2) {
                fail.accept("verification.data-points." + type, "expected a query with exactly two ? (the "
                        + "account reference, then the value given)");
            }
        });
        if (!dataPoints.isEmpty() && accountLookup == null) {
            fail.accept("verification.data-points", "need verification.account-lookup (its system runs them)");
        }
    }

    static int placeholders(String query) {
        return query == null ? -1 : (int) query.chars().filter(c -> c == '?').count();
    }

    /**
     * @param system the fulfilment system whose database holds the accounts
     * @param query  {@code SELECT account_id, email FROM accounts WHERE lower(email) = ?}: one row for a known
     *               subject (first column the account reference, second the e-mail on file)
     */
    public record AccountLookup(String system, String query) {
    }

    /** What happens to a requester the account system does not know. */
    public enum UnknownSubjects {
        VERIFY_EMAIL,
        OPERATOR_REVIEW
    }

    /** The identity types a level-3 request may be matched on, for messages. */
    public List<String> dataPointNames() {
        return List.copyOf(dataPoints.keySet());
    }

    /** The query that matches a value of this identity type, or null when the type is not a data point. */
    public String dataPointQuery(IdentityType type) {
        return dataPoints.get(type.code());
    }
}
