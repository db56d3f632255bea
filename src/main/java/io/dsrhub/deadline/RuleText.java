package io.dsrhub.deadline;

/** The words stored with a date (at most 400 characters, the column's size). */
final class RuleText {

    static final int MAX = 400;

    private RuleText() {
    }

    static String clip(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
    }
}
