package io.dsrhub.freetext;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One phrase of a language file, compiled for matching against {@link MatchText}. The syntax is plain words with
 * two additions: a word ending in {@code *} matches any word it starts ({@code delet*} matches delete, deletion,
 * deleting), and {@code ...} stands for up to four words (in Chinese, up to twelve characters) in between
 * ({@code delete ... account} matches "delete my whole account"). Case, accents and punctuation do not matter.
 * Latin words match whole words only; Chinese phrases match anywhere.
 */
public final class Phrase {

    static final String GAP = "...";
    private static final int LATIN_GAP_WORDS = 4;
    private static final int CJK_GAP_CHARS = 12;

    private final String source;
    private final Pattern pattern;

    private Phrase(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException when the phrase has no word, or starts or ends with a gap */
    public static Phrase compile(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        List<Token> tokens = new ArrayList<>();
        for (String raw : source.strip().replace("…", " ... ").split("\\s+")) {
            if (raw.equals(GAP)) {
                tokens.add(Token.ofGap());
                continue;
            }
            boolean prefix = raw.endsWith("*");
            String word = MatchText.normalise(prefix ? raw.substring(0, raw.length() - 1) : raw);
            if (word.isEmpty()) {
                continue;
            }
            // punctuation inside a word ("e-mail", "don't") becomes a space, as it does in the text
            String[] parts = word.split(" ");
            for (int i = 0; i < parts.length; i++) {
                tokens.add(Token.ofWord(parts[i], prefix && i == parts.length - 1));
            }
        }
        if (tokens.stream().noneMatch(t -> !t.gap)) {
            throw new IllegalArgumentException("has no word");
        }
        if (tokens.get(0).gap || tokens.get(tokens.size() - 1).gap) {
            throw new IllegalArgumentException("may not start or end with '...'");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.gap) {
                Token before = tokens.get(i - 1);
                Token after = tokens.get(i + 1);
                if (before.endsCjk() && after.startsCjk()) {
                    regex.append(" ?[^ ]{0,").append(CJK_GAP_CHARS).append("}? ?");
                } else {
                    regex.append("(?: [^ ]+){0,").append(LATIN_GAP_WORDS).append("} ?");
                }
                continue;
            }
            if (i == 0 && !token.startsCjk()) {
                regex.append("(?<![\\p{L}\\p{N}])");
            } else if (i > 0 && !tokens.get(i - 1).gap) {
                regex.append(tokens.get(i - 1).endsCjk() || token.startsCjk() ? " ?" : " ");
            }
            regex.append(Pattern.quote(token.text));
            if (token.prefix && !token.endsCjk()) {
                regex.append("[\\p{L}\\p{N}]*");
            }
            if (i == tokens.size() - 1 && !token.prefix && !token.endsCjk()) {
                regex.append("(?![\\p{L}\\p{N}])");
            }
        }
        return new Phrase(source.strip(), Pattern.compile(regex.toString()));
    }

    public String source() {
        return source;
    }

    public boolean foundIn(MatchText text) {
        return pattern.matcher(text.text()).find();
    }

    /** Where the phrase starts in the text, each time it occurs. */
    public List<Integer> startsIn(MatchText text) {
        List<Integer> starts = new ArrayList<>();
        Matcher m = pattern.matcher(text.text());
        while (m.find()) {
            starts.add(m.start());
        }
        return starts;
    }

    public int countIn(MatchText text) {
        int count = 0;
        Matcher m = pattern.matcher(text.text());
        while (m.find()) {
            count++;
        }
        return count;
    }

    @Override
    public String toString() {
        return source;
    }

    private record Token(String text, boolean prefix, boolean gap) {

        static Token ofGap() {
            return new Token("", false, true);
        }

        static Token ofWord(String text, boolean prefix) {
            return new Token(text, prefix, false);
        }

        boolean startsCjk() {
            return !text.isEmpty() && MatchText.isCjk(text.codePointAt(0));
        }

        boolean endsCjk() {
            return !text.isEmpty() && MatchText.isCjk(text.codePointBefore(text.length()));
        }
    }
}
