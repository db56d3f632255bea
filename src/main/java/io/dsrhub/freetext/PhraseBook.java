package io.dsrhub.freetext;

import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.RequesterKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every language the hub reads, from the language files of {@code dsr.classification.dir}. Phrases of all languages
 * are tried on every text, so a German request with an English subject line is still understood; the language the
 * subject wrote in is decided separately, by {@link #languageOf}.
 */
public final class PhraseBook {

    private static final int NEGATION_WINDOW_WORDS = 3;
    private static final int NEGATION_WINDOW_CJK = 4;

    private final Map<String, LanguageProfile> profiles;

    public PhraseBook(List<LanguageProfile> profiles) {
        Map<String, LanguageProfile> byLanguage = new LinkedHashMap<>();
        for (LanguageProfile profile : profiles) {
            byLanguage.put(profile.language(), profile);
        }
        this.profiles = byLanguage;
    }

    /** Loads every {@code <language>.yaml} of a directory; a bad file stops start-up naming the file and key. */
    public static PhraseBook load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new FreeTextConfigException("dsr.classification.dir: '" + directory
                    + "' is not a directory; expected the folder holding one <language>.yaml per language", null);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new FreeTextConfigException("dsr.classification.dir: cannot list '" + directory + "': "
                    + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new FreeTextConfigException("dsr.classification.dir: '" + directory
                    + "' holds no <language>.yaml file", null);
        }
        LanguageProfileReader reader = new LanguageProfileReader();
        List<LanguageProfile> profiles = new ArrayList<>();
        for (Path file : files) {
            String stem = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            try (InputStream in = Files.newInputStream(file)) {
                profiles.add(reader.read(file.toString(), stem, in));
            } catch (IOException e) {
                throw new FreeTextConfigException(file + ": cannot be read: " + e.getMessage(), e);
            }
        }
        return new PhraseBook(profiles);
    }

    public Set<String> languages() {
        return profiles.keySet();
    }

    /**
     * The language a text is written in: among the languages of the text's script (Chinese characters or not), the
     * one with most of its marker words in the text; {@code fallback} when none has any.
     */
    public String languageOf(String text, String fallback) {
        MatchText match = MatchText.of(text);
        LanguageProfile.Script script = scriptOf(match.text());
        String best = null;
        int bestScore = 0;
        for (LanguageProfile profile : profiles.values()) {
            if (profile.script() != script) {
                continue;
            }
            int score = 0;
            for (Phrase marker : profile.markers()) {
                score += marker.countIn(match);
            }
            if (score > bestScore) {
                best = profile.language();
                bestScore = score;
            }
        }
        if (best == null && script == LanguageProfile.Script.HAN) {
            best = profiles.values().stream().filter(p -> p.script() == script).map(LanguageProfile::language)
                    .findFirst().orElse(null);
        }
        return best != null ? best : fallback;
    }

    /** Han when at least a fifth of the letters (and at least two) are Chinese characters. */
    static LanguageProfile.Script scriptOf(String text) {
        int letters = 0;
        int han = 0;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (MatchText.isCjk(cp)) {
                    han++;
                }
            }
            i += Character.charCount(cp);
        }
        return han >= 2 && han * 5 >= letters ? LanguageProfile.Script.HAN : LanguageProfile.Script.LATIN;
    }

    /** The request types a text asks for, and the phrases that said so. */
    public TypeReading typesIn(String text) {
        MatchText match = MatchText.of(text);
        Set<RequestType> types = EnumSet.noneOf(RequestType.class);
        List<String> evidence = new ArrayList<>();
        for (LanguageProfile profile : profiles.values()) {
            for (Map.Entry<RequestType, List<Phrase>> entry : profile.types().entrySet()) {
                for (Phrase phrase : entry.getValue()) {
                    if (occursUnnegated(phrase, match, profile)) {
                        if (types.add(entry.getKey()) || evidence.size() < 12) {
                            evidence.add(entry.getKey().code() + ":" + profile.language() + ":" + phrase.source());
                        }
                        break;
                    }
                }
            }
        }
        return new TypeReading(types, evidence);
    }

    /** Whether the phrase occurs at least once without one of its own language's negations just before it. */
    private static boolean occursUnnegated(Phrase phrase, MatchText match, LanguageProfile language) {
        for (int start : phrase.startsIn(match)) {
            if (!negatedAt(match.text(), start, language)) {
                return true;
            }
        }
        return false;
    }

    private static boolean negatedAt(String text, int start, LanguageProfile language) {
        String before = text.substring(0, start).stripTrailing();
        if (before.isEmpty()) {
            return false;
        }
        String window;
        int lastCp = before.codePointBefore(before.length());
        if (MatchText.isCjk(lastCp) || MatchText.isCjk(text.codePointAt(start))) {
            window = before.substring(Math.max(0, before.length() - NEGATION_WINDOW_CJK));
        } else {
            String[] words = before.split(" ");
            int from = Math.max(0, words.length - NEGATION_WINDOW_WORDS);
            window = String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
        }
        MatchText windowText = MatchText.of(window);
        for (Phrase negation : language.negations()) {
            if (negation.foundIn(windowText)) {
                return true;
            }
        }
        return false;
    }

    /** Who is asking, by what the text says: a parent or guardian, an authorised agent, or (by default) the subject. */
    public RequesterKind requesterIn(String text) {
        MatchText match = MatchText.of(text);
        for (RequesterKind kind : List.of(RequesterKind.GUARDIAN, RequesterKind.AGENT)) {
            for (LanguageProfile profile : profiles.values()) {
                for (Phrase phrase : profile.requesters().getOrDefault(kind, List.of())) {
                    if (occursUnnegated(phrase, match, profile)) {
                        return kind;
                    }
                }
            }
        }
        return RequesterKind.SUBJECT;
    }

    public boolean isAutoReplySubject(String subject) {
        MatchText match = MatchText.of(subject);
        if (match.isEmpty()) {
            return false;
        }
        return profiles.values().stream().flatMap(p -> p.autoReplySubjects().stream())
                .anyMatch(phrase -> phrase.foundIn(match));
    }

    public boolean isQuoteHeader(String line) {
        return anyFinds(line, profiles.values().stream().flatMap(p -> p.quoteHeaders().stream()).toList());
    }

    public boolean isForwardHeader(String line) {
        return anyFinds(line, profiles.values().stream().flatMap(p -> p.forwardHeaders().stream()).toList());
    }

    private static boolean anyFinds(String line, List<Pattern> patterns) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return false;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(trimmed).find()) {
                return true;
            }
        }
        return false;
    }

    public List<Phrase> phoneLabels() {
        return profiles.values().stream().flatMap(p -> p.phoneLabels().stream()).toList();
    }

    /** The request types found in a text, with the phrases (type:language:phrase) that were found, for the record. */
    public record TypeReading(Set<RequestType> types, List<String> evidence) {

        public boolean isEmpty() {
            return types.isEmpty();
        }
    }
}
