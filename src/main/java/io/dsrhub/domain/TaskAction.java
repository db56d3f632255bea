package io.dsrhub.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a task does on its system. Stored and configured in lower case ({@code erase}). */
public enum TaskAction {
    /** locate the subject's data and count it, without copying it */
    FIND,
    /** copy the subject's data into the request's export */
    EXPORT,
    /** erase the subject's data (or retain what a retention rule keeps) */
    ERASE,
    /** correct data: needs the corrected values, so it is done by a person */
    RECTIFY,
    /** mark the subject's data as restricted from processing */
    RESTRICT,
    /** erase data whose retention has ended; runs on the purge date, after the request was answered */
    PURGE,
    /** work for a person (the privacy team) where no connector can act */
    MANUAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the action only reads: reads of a request run before anything is changed. */
    public boolean isRead() {
        return this == FIND || this == EXPORT;
    }

    public static Optional<TaskAction> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(a -> a.name().equals(wanted)).findFirst();
    }

    public static TaskAction of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown task action " + code));
    }
}
