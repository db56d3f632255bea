package io.dsrhub.connector.opendsr;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.opendsr.ResponseSigner;
import io.dsrhub.opendsr.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A processor's signature verifies only over the exact bytes it signed, only with its own certificate, and only
 * while that certificate is valid; garbage never throws.
 */
class ProcessorSignatureTest {

    @Test
    void onlyTheProcessorsSignatureOfTheExactBodyVerifies() throws Exception {
        SigningKeys keys = SigningKeys.selfSigned(Files.createTempDirectory("sig-"), "opendsr.p.example");
        SigningKeys other = SigningKeys.selfSigned(Files.createTempDirectory("sig-"), "opendsr.p.example");
        ProcessorSignature signature = ProcessorSignature.fromPem(keys.certificatePem());
        String body = "{\"request_status\":\"completed\"}";
        String signed = new ResponseSigner(keys).sign(body);
        Instant now = Instant.now();

        assertThat(signature.verifies(body.getBytes(StandardCharsets.UTF_8), signed, now)).isTrue();
        assertThat(signature.verifies((body + " ").getBytes(StandardCharsets.UTF_8), signed, now)).isFalse();
        assertThat(signature.verifies(body.getBytes(StandardCharsets.UTF_8), new ResponseSigner(other).sign(body),
                now)).isFalse();
        assertThat(signature.verifies(body.getBytes(StandardCharsets.UTF_8), signed, now.plus(Duration.ofDays(900))))
                .isFalse();
        assertThat(signature.verifies(body.getBytes(StandardCharsets.UTF_8), "not base64 !", now)).isFalse();
        assertThat(signature.verifies(body.getBytes(StandardCharsets.UTF_8), null, now)).isFalse();
    }
}
