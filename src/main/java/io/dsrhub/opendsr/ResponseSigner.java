package io.dsrhub.opendsr;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/** Signs OpenDSR response bodies: RSA over SHA-256 of the raw bytes, base64-encoded. */
public final class ResponseSigner {

    private final SigningKeys keys;

    public ResponseSigner(SigningKeys keys) {
        this.keys = keys;
    }

    public String sign(String body) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.privateKey());
            signature.update(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an OpenDSR response", e);
        }
    }

    public String certificatePem() {
        return keys.certificatePem();
    }
}
