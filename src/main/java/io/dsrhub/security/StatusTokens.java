package io.dsrhub.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token that lets a requester see their request's status: an HMAC of the request id under the hub's token
 * secret. Nothing is stored, a repeated submission gets the same token back, and checking compares in constant
 * time.
 */
public final class StatusTokens {

    private final byte[] secret;

    public StatusTokens(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the token secret must have at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String requestId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("status:" + requestId));
    }

    public boolean matches(String requestId, String token) {
        if (requestId == null || token == null) {
            return false;
        }
        byte[] expected = issue(requestId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
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
