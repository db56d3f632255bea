package io.dsrhub.intake;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks every intake channel applies to what a requester typed, each problem reported against its field.
 * Free text may not carry markup (it is shown to operators and quoted in mail) nor control characters; one-line
 * fields may not carry line breaks (they could reach mail headers).
 */
public final class SubmissionRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_DETAILS = 10_000;
    public static final int MAX_IDENTITIES = 20;

    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/?]|javascript\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n\\t]");
    private static final Pattern JURISDICTION = Pattern.compile("^(EU|[A-Z]{2}(-[A-Z0-9]{1,3})?)$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final ControllerCatalogue controllers;

    public SubmissionRules(ControllerCatalogue controllers) {
        this.controllers = controllers;
    }

    public Optional<Controller> controller(String field, String id, FieldErrors errors) {
        if (id == null || id.isBlank()) {
            errors.add(field, "is required");
            return Optional.empty();
        }
        Optional<Controller> found = controllers.find(id);
        if (found.isEmpty()) {
            errors.add(field, "is not a controller served here");
        }
        return found;
    }

    /** A one-line text such as a name: trimmed, at most {@code max} characters, no markup, no line breaks. */
    public String line(String field, String value, int max, boolean required, FieldErrors errors) {
        String text = value == null ? null : value.strip();
        if (text == null || text.isEmpty()) {
            if (required) {
                errors.add(field, "is required");
            }
            return null;
        }
        if (LINE_BREAK.matcher(text).find()) {
            errors.add(field, "must be a single line");
        } else {
            checkText(field, text, max, errors);
        }
        return text;
    }

    /** A free text such as the request details: at most {@code max} characters, no markup. */
    public String text(String field, String value, int max, FieldErrors errors) {
        String text = value == null ? null : value.strip();
        if (text == null || text.isEmpty()) {
            return null;
        }
        checkText(field, text, max, errors);
        return text;
    }

    private void checkText(String field, String text, int max, FieldErrors errors) {
        if (text.length() > max) {
            errors.add(field, "must not be longer than " + max + " characters");
        } else if (CONTROL.matcher(text).find()) {
            errors.add(field, "must not contain control characters");
        } else if (MARKUP.matcher(text).find()) {
            errors.add(field, "must not contain HTML or script markup");
        }
    }

    public String email(String field, String value, boolean required, FieldErrors errors) {
        String text = line(field, value, IdentityType.EMAIL.maxLength(), required, errors);
        if (text == null || errors.has(field)) {
            return null;
        }
        if (!IdentityType.EMAIL.accepts(text) || !parses(text)) {
            errors.add(field, "must be an e-mail address such as name@example.com");
            return null;
        }
        return IdentityType.EMAIL.normalise(text);
    }

    private static boolean parses(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getAddress().equals(address) && address.substring(address.indexOf('@')).contains(".");
        } catch (AddressException e) {
            return false;
        }
    }

    /** An identity of a known type whose value has that type's syntax. */
    public Optional<Identity> identity(String field, String type, String value, FieldErrors errors) {
        Optional<IdentityType> identityType = IdentityType.fromCode(type);
        if (identityType.isEmpty()) {
            errors.add(field + ".type", "must be one of " + codes(IdentityType.values()));
            return Optional.empty();
        }
        if (identityType.get() == IdentityType.EMAIL) {
            String email = email(field + ".value", value, true, errors);
            return Optional.ofNullable(email).map(e -> Identity.raw(IdentityType.EMAIL, e));
        }
        String text = line(field + ".value", value, identityType.get().maxLength(), true, errors);
        if (text == null || errors.has(field + ".value")) {
            return Optional.empty();
        }
        if (!identityType.get().accepts(text)) {
            errors.add(field + ".value", "is not a valid " + identityType.get().code());
            return Optional.empty();
        }
        return Optional.of(Identity.raw(identityType.get(), text));
    }

    public String country(String field, String value, FieldErrors errors) {
        String text = value == null ? null : value.strip().toUpperCase(Locale.ROOT);
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!COUNTRIES.contains(text)) {
            errors.add(field, "must be an ISO 3166 two-letter country code such as FI or US");
            return null;
        }
        return text;
    }

    public String jurisdiction(String field, String value, FieldErrors errors) {
        String text = value == null ? null : value.strip().toUpperCase(Locale.ROOT);
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!JURISDICTION.matcher(text).matches() || (!text.equals("EU") && !COUNTRIES.contains(text.substring(0, 2)))) {
            errors.add(field, "must be a country or subdivision code such as FI, US-CA or GB-SCT, or EU");
            return null;
        }
        return text;
    }

    /** The requested language if the controller answers in it, else the controller's default. */
    public String language(String field, String value, Controller controller, FieldErrors errors) {
        String text = value == null ? null : value.strip().toLowerCase(Locale.ROOT);
        if (text != null && !text.isEmpty() && !LANGUAGE.matcher(text).matches()) {
            errors.add(field, "must be a two-letter ISO 639-1 language code such as en");
            return controller == null ? "en" : controller.defaultLanguage();
        }
        if (controller == null) {
            return text == null || text.isEmpty() ? "en" : text;
        }
        return controller.speaks(text) ? text : controller.defaultLanguage();
    }

    static String codes(Enum<?>[] values) {
        StringBuilder sb = new StringBuilder();
        for (Enum<?> value : values) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return sb.toString();
    }
}
