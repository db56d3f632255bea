package io.dsrhub.connector;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a connector authenticates to a processor's API: a bearer token ({@code api-key}), or HTTP Basic when an
 * {@code api-user} is given too (mParticle's OpenDSR API, for one). The key comes from the environment.
 */
public record ApiCredentials(String user, String key) {

    /** The {@code Authorization} header value, or null when no key is configured. */
    public String authorization() {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (user != null && !user.isBlank()) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8));
        }
        return "Bearer " + key;
    }

    @Override
    public String toString() {
        return "ApiCredentials[" + (user == null ? "bearer" : "basic") + "]";
    }
}
