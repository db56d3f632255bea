package io.dsrhub.connector.opendsr;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Verifies what an OpenDSR processor signed: the base64 {@code X-OpenDSR-Signature} over the raw body bytes, RSA
 * with SHA-256, by the key of the processor's configured (pinned) certificate, which must be valid now.
 */
public final class ProcessorSignature {

    private final X509Certificate certificate;

    ProcessorSignature(X509Certificate certificate) {
        this.certificate = certificate;
    }

    static ProcessorSignature fromPem(String pem) {
        try {
            var factory = CertificateFactory.getInstance("X.509");
            return new ProcessorSignature((X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate in PEM form");
        }
    }

    /** Whether {@code signature} (base64) signs exactly {@code body}. Never throws on bad input. */
    public boolean verifies(byte[] body, String signature, Instant now) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        try {
            certificate.checkValidity(Date.from(now));
            Signature check = Signature.getInstance("SHA256withRSA");
            check.initVerify(certificate.getPublicKey());
            check.update(body);
            return check.verify(Base64.getDecoder().decode(signature.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
