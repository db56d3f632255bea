package io.dsrhub.connector.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed-hash erase strategy: HMAC-SHA256 of the value under the hub's erasure key, in hex, cut to the column's
 * length. Equal values still hash alike (joins and counts keep working) but the value cannot be read back or
 * guessed without the key.
 */
public final class KeyedHash {

    private final SecretKeySpec key;

    public KeyedHash(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the erasure hash key must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String value, int maxLength) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String hex = HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
            return maxLength > 0 && hex.length() > maxLength ? hex.substring(0, maxLength) : hex;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
