package io.dsrhub.freetext;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text in the form phrases are matched against: compatibility-normalised, lower case, without accents, with every
 * run of punctuation and white space turned into one space. "Löschen Sie bitte MEINE Daten!" becomes
 * "loschen sie bitte meine daten"; "请删除我的账户。" becomes "请删除我的账户".
 */
public final class MatchText {

    private final String text;

    private MatchText(String text) {
        this.text = text;
    }

    public static MatchText of(String raw) {
        return new MatchText(normalise(raw == null ? "" : raw));
    }

    static String normalise(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.replace("ß", "ss");
        s = s.replaceAll("[^\\p{L}\\p{N}]+", " ");
        return s.strip();
    }

    public String text() {
        return text;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    @Override
    public String toString() {
        return "MatchText[" + text.length() + " chars]";
    }
}
