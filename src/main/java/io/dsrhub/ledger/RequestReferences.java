package io.dsrhub.ledger;

import java.security.SecureRandom;

/**
 * Human references such as {@code DSR-7K3M-9QXP}: Crockford base-32 (no I, L, O or U), easy to read aloud and to
 * quote in an e-mail subject, random so that they reveal nothing about volume.
 */
final class RequestReferences {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder sb = new StringBuilder("DSR-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                sb.append('-');
            }
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
