package io.dsrhub.ops;

import java.util.regex.Pattern;

/** Masks personal data that must not reach a log: e-mail addresses keep only their domain. */
public final class PersonalDataMask {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    private PersonalDataMask() {
    }

    public static String mask(String text) {
        return text == null ? null : EMAIL.matcher(text).replaceAll("***@$1");
    }
}
