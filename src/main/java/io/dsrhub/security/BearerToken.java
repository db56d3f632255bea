package io.dsrhub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A shared secret presented as {@code Authorization: Bearer <token>}, checked in constant time. */
public final class BearerToken {

    private final byte[] expectedDigest;

    public BearerToken(String token) {
        if (token == null || token.length() < 24) {
            throw new IllegalArgumentException("a bearer token must have at least 24 characters");
        }
        this.expectedDigest = sha256(token);
    }

    /** Whether an {@code Authorization} header value carries this token. */
    public boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String presented = authorizationHeader.substring(7).trim();
        return MessageDigest.isEqual(expectedDigest, sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
