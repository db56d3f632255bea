package io.dsrhub.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The kinds of identifier a request can carry, each with the syntax a value must have. */
public enum IdentityType {
    EMAIL("^[^@\\s]{1,64}@[^@\\s]{1,255}$", 320),
    NAME("^[^\\p{Cc}<>]{1,200}$", 200),
    PHONE("^\\+?[0-9][0-9 ()./-]{5,30}$", 32),
    ACCOUNT_ID("^[\\p{L}\\p{N}._:@-]{1,128}$", 128),
    CUSTOMER_ID("^[\\p{L}\\p{N}._:@-]{1,128}$", 128),
    DEVICE_SERIAL("^[A-Za-z0-9._:-]{3,64}$", 64),
    ORDER_NUMBER("^[A-Za-z0-9._#/-]{2,64}$", 64),
    ADVERTISING_ID("^[A-Za-z0-9-]{8,64}$", 64),
    DEVICE_ID("^[A-Za-z0-9._:-]{3,128}$", 128);

    private final Pattern syntax;
    private final int maxLength;

    IdentityType(String syntax, int maxLength) {
        this.syntax = Pattern.compile(syntax);
        this.maxLength = maxLength;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public int maxLength() {
        return maxLength;
    }

    /** Whether a raw (unhashed) value has this type's syntax. */
    public boolean accepts(String value) {
        return value != null && value.length() <= maxLength && syntax.matcher(value).matches();
    }

    /** The form in which values of this type are compared: e-mail addresses in lower case, phone numbers as digits. */
    public String normalise(String value) {
        String trimmed = value.strip();
        return switch (this) {
            case EMAIL -> trimmed.toLowerCase(Locale.ROOT);
            case PHONE -> (trimmed.startsWith("+") ? "+" : "") + trimmed.replaceAll("[^0-9]", "");
            default -> trimmed;
        };
    }

    public static Optional<IdentityType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalised = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(t -> t.name().equals(normalised)).findFirst();
    }
}
