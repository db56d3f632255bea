package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Codes are eight digits derived from the challenge under the secret; only keyed hashes are comparable. */
class VerificationCodesTest {

    private final VerificationCodes codes = new VerificationCodes("a-token-secret-of-at-least-32-characters!",
            "https://hub.example/");

    @Test
    void codesDifferPerChallengeAndPerSecretAndAreEightDigits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = codes.code(UUID.randomUUID().toString());
            assertThat(code).matches("[0-9]{4}-[0-9]{4}");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(195);
        String id = UUID.randomUUID().toString();
        VerificationCodes other = new VerificationCodes("another-token-secret-of-32-characters!!", "https://hub.example");
        assertThat(other.code(id)).isNotEqualTo(codes.code(id));
    }

    @Test
    void theHashMatchesTheCodeHoweverItIsTypedButNotAnotherCode() {
        String id = UUID.randomUUID().toString();
        String code = codes.code(id);
        String hash = codes.hash(code);
        assertThat(hash).doesNotContain(code.replace("-", ""));
        assertThat(codes.codeMatches(hash, code)).isTrue();
        assertThat(codes.codeMatches(hash, " " + code.replace("-", " ") + " ")).isTrue();
        assertThat(codes.codeMatches(hash, code.replace("-", ""))).isTrue();
        String other = code.startsWith("9") ? "1" + code.substring(1) : "9" + code.substring(1);
        assertThat(codes.codeMatches(hash, other)).isFalse();
        assertThat(codes.codeMatches(hash, null)).isFalse();
    }

    @Test
    void placeholdersAreRevealedOnlyWhenSending() {
        String id = UUID.randomUUID().toString();
        String body = "Code: " + VerificationCodes.codePlaceholder(id) + "\nLink: " + VerificationCodes.linkPlaceholder(id);
        assertThat(body).doesNotContain(codes.code(id));
        String sent = codes.reveal("req-1", body);
        assertThat(sent).contains("Code: " + codes.code(id))
                .contains("Link: https://hub.example/verify/req-1?t=" + codes.linkToken(id));
        assertThat(codes.linkMatches(id, codes.linkToken(id))).isTrue();
        assertThat(codes.linkMatches(id, codes.linkToken(UUID.randomUUID().toString()))).isFalse();
    }

    @Test
    void aCodeIsFoundInAReplyAndRemovedFromItsRecord() {
        assertThat(VerificationCodes.findIn("Hi,\nmy code is 1234-5678 thanks")).contains("12345678");
        assertThat(VerificationCodes.findIn("code 1234 5678")).contains("12345678");
        assertThat(VerificationCodes.findIn("order 123456789")).isEmpty();
        assertThat(VerificationCodes.redact("my code is 1234-5678.")).isEqualTo("my code is [code removed].");
    }
}
