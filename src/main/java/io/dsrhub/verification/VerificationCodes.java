package io.dsrhub.verification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The codes and links of verification challenges. A challenge's code and link token are keyed hashes (HMAC-SHA256
 * under the hub's token secret) of its random id, so neither is ever stored: the ledger keeps the challenge id and a
 * keyed hash of the code, and the outbox keeps a placeholder that is turned into the code only when the mail is
 * handed to the SMTP server ({@link #reveal(String)}). Comparisons are constant-time.
 *
 * <p>Codes are eight digits, written {@code 1234-5678} (one in a hundred million; at most five guesses are allowed per
 * code), easy to type on a phone and to find in a reply.
 */
public final class VerificationCodes {

    /** A code as a person may type it: two groups of four digits, with or without a hyphen or space. */
    static final Pattern CODE_IN_TEXT = Pattern.compile("(?<![0-9])([0-9]{4})[- ]?([0-9]{4})(?![0-9])");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[\\[verification-(code|link):([0-9a-f-]{36})]]");

    private final byte[] secret;
    private final String publicBaseUrl;

    public VerificationCodes(String secret, String publicBaseUrl) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the token secret must have at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The code of a challenge, {@code 1234-5678}. */
    String code(String challengeId) {
        byte[] mac = mac("verification-code:" + challengeId);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (mac[i] & 0xff);
        }
        String digits = String.format(Locale.ROOT, "%08d", Long.remainderUnsigned(value, 100_000_000L));
        return digits.substring(0, 4) + "-" + digits.substring(4);
    }

    /** The token of a challenge's link. */
    String linkToken(String challengeId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("verification-link:" + challengeId));
    }

    /** The keyed hash of a code as stored: of its normalised form, so that case and separators do not matter. */
    public String hash(String code) {
        return HexFormat.of().formatHex(mac("verification-hash:" + normalise(code)));
    }

    /** Whether an entered code is the one whose hash is stored; constant-time. */
    boolean codeMatches(String storedHash, String entered) {
        if (storedHash == null || entered == null || entered.length() > 64) {
            return false;
        }
        return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                hash(entered).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a link token belongs to a challenge; constant-time. */
    boolean linkMatches(String challengeId, String token) {
        if (token == null || token.length() > 128) {
            return false;
        }
        return MessageDigest.isEqual(linkToken(challengeId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The first thing that looks like a code in a text (a reply to the verification mail). */
    static Optional<String> findIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = CODE_IN_TEXT.matcher(text);
        return m.find() ? Optional.of(m.group(1) + m.group(2)) : Optional.empty();
    }

    /** A text with every code-like sequence replaced, for the record of an inbound reply. */
    static String redact(String text) {
        return text == null ? null : CODE_IN_TEXT.matcher(text).replaceAll("[code removed]");
    }

    static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }

    /** What a mail template gets instead of the code: turned into the code by {@link #reveal(String)}. */
    static String codePlaceholder(String challengeId) {
        return "[[verification-code:" + challengeId + "]]";
    }

    static String linkPlaceholder(String challengeId) {
        return "[[verification-link:" + challengeId + "]]";
    }

    /** The link of a challenge of a request. */
    String link(String requestId, String challengeId) {
        return publicBaseUrl + "/verify/" + requestId + "?t=" + linkToken(challengeId);
    }

    /**
     * A mail body with its placeholders replaced by the codes and links; called only on the way to the SMTP server.
     */
    public String reveal(String requestId, String body) {
        if (body == null || !body.contains("[[verification-")) {
            return body;
        }
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = m.group(2);
            String value = m.group(1).equals("code") ? code(id) : link(requestId, id);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private byte[] mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
