package io.dsrhub.mailbox;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes text of mail whose charset label is missing, wrong or legacy. Labels are read as the superset mail
 * software really uses (GB2312 and GBK as GB18030, ISO-8859-1 and US-ASCII as windows-1252); unlabelled or unknown
 * text is UTF-8 when it is valid UTF-8, else what a charset detector says (for short text such as a header, GB18030
 * when it reads as Chinese), else windows-1252. Decoding never fails.
 */
final class Charsets {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int MIN_DETECTOR_BYTES = 256;
    private static final Map<String, String> SUPERSETS = Map.of(
            "gb2312", "GB18030",
            "gbk", "GB18030",
            "x-gbk", "GB18030",
            "cp936", "GB18030",
            "euc-cn", "GB18030",
            "iso-8859-1", "windows-1252",
            "latin1", "windows-1252",
            "us-ascii", "windows-1252",
            "ascii", "windows-1252",
            "ks_c_5601-1987", "x-windows-949");

    private Charsets() {
    }

    /** The charset for a label, or null when the label is missing or not a charset this JVM has. */
    static Charset forLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String name = label.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        name = SUPERSETS.getOrDefault(name, name);
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Decodes bytes with the labelled charset if there is one, else by looking at the bytes. */
    static String decode(byte[] bytes, String label) {
        Charset labelled = forLabel(label);
        if (labelled != null && !labelled.equals(WINDOWS_1252)) {
            return new String(bytes, labelled);
        }
        if (isValidUtf8(bytes)) {
            // a us-ascii/latin-1 label on bytes that are valid UTF-8 is a mislabel far more often than not
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (labelled != null) {
            return new String(bytes, labelled);
        }
        // the detector needs some text to go on; a short header value is judged by a simpler rule first: Chinese
        // legacy text is valid GB18030 and mostly Han characters
        String chinese = strictly(bytes, Charset.forName("GB18030"));
        boolean looksChinese = chinese != null && mostlyHan(chinese);
        if (looksChinese && bytes.length < MIN_DETECTOR_BYTES) {
            return chinese;
        }
        Charset guessed = guess(bytes);
        if (guessed != null) {
            return new String(bytes, guessed);
        }
        return looksChinese ? chinese : new String(bytes, WINDOWS_1252);
    }

    private static String strictly(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean mostlyHan(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long han = text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        return han > 0 && han * 2 >= letters;
    }

    static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset guess(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, 64 * 1024));
        detector.dataEnd();
        return forLabel(detector.getDetectedCharset());
    }
}
