package io.dsrhub.domain;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A set of data categories a request targets, in the dotted taxonomy of the data maps ({@code user.contact.email}).
 * A target covers itself and everything below it: {@code user.contact} covers {@code user.contact.email} but not
 * {@code user.contacts}, and {@code user} covers every personal category.
 */
public record DataCategories(List<String> targets) {

    /** The syntax of one category: lower-case words joined by dots. */
    public static final Pattern SYNTAX = Pattern.compile("^[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*$");

    public DataCategories {
        targets = List.copyOf(targets);
    }

    public static DataCategories of(String... targets) {
        return new DataCategories(List.of(targets));
    }

    public static boolean isValid(String category) {
        return category != null && SYNTAX.matcher(category).matches();
    }

    /** Whether {@code category} is one of the targets or lies below one. */
    public boolean covers(String category) {
        for (String target : targets) {
            if (category.equals(target) || category.startsWith(target + ".")) {
                return true;
            }
        }
        return false;
    }

    public boolean coversAny(Collection<String> categories) {
        return categories.stream().anyMatch(this::covers);
    }

    /** Whether the two share any data: one covers a category of the other (user.contact and user.contact.email). */
    public boolean overlaps(DataCategories other) {
        return coversAny(other.targets()) || other.coversAny(targets);
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }
}
