package io.dsrhub.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The rights a data subject can exercise through the hub. */
public enum RequestType {
    ACCESS,
    PORTABILITY,
    ERASURE,
    RECTIFICATION,
    RESTRICTION,
    OBJECTION,
    CONSENT_WITHDRAWAL,
    OPT_OUT,
    ACCOUNT_CLOSURE;

    /** The external spelling used in APIs, forms and configuration: {@code consent-withdrawal}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RequestType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalised = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(t -> t.name().equals(normalised)).findFirst();
    }
}
