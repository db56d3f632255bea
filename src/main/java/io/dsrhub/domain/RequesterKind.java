package io.dsrhub.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who is asking: the data subject, an authorised agent, or a parent/guardian. */
public enum RequesterKind {
    SUBJECT,
    AGENT,
    GUARDIAN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RequesterKind> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalised = code.trim().toUpperCase(Locale.ROOT);
        if (normalised.equals("SELF")) {
            return Optional.of(SUBJECT);
        }
        return Arrays.stream(values()).filter(k -> k.name().equals(normalised)).findFirst();
    }
}
