package io.dsrhub.opendsr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hub tells an OpenDSR caller about each status change with a signed callback, and keeps trying when the
 * caller's endpoint fails.
 */
class OpenDsrStatusCallbackTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
            .configure(b -> b.property("dsr.opendsr.callbacks.poll-delay", "200")
                    .property("dsr.opendsr.callbacks.first-retry", "PT0.2S"));

    private record Received(String body, String signature, String domain) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static HttpServer caller;

    @BeforeAll
    static void start() throws Exception {
        caller = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        caller.createContext("/opendsr/callbacks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = CALLS.incrementAndGet() == 1 ? 503 : 202;
            if (status == 202) {
                RECEIVED.add(new Received(new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("X-OpenDSR-Signature"),
                        exchange.getRequestHeaders().getFirst("X-OpenDSR-Processor-Domain")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        caller.start();
    }

    @AfterAll
    static void stopCaller() {
        caller.stop(0);
    }

    @Test
    void everyStatusChangeIsCalledBackSignedAndAFailedCallbackIsRetried() throws Exception {
        String token = Files.readString(hub.instance().dataDir().resolve("opendsr-token-isocket")).strip();
        String url = "http://127.0.0.1:" + caller.getAddress().getPort() + "/opendsr/callbacks";
        String id = UUID.randomUUID().toString();
        assertThat(hub.http().postJson("/v1/requests", """
                {"regulation": "gdpr", "subject_request_id": "%s", "subject_request_type": "access",
                 "submitted_time": "2026-11-20T10:00:00Z",
                 "subject_identities": [{"identity_type": "email", "identity_value": "cb@example.fi", "identity_format": "raw"}],
                 "status_callback_urls": ["%s"]}""".formatted(id, url), "Authorization", "Bearer " + token)
                .statusCode()).isEqualTo(201);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() == 1);
        assertThat(CALLS.get()).as("the first call failed and was retried").isEqualTo(2);
        JsonNode pending = JSON.readTree(RECEIVED.get(0).body());
        assertThat(pending.get("request_status").asText()).isEqualTo("pending");
        assertThat(pending.get("subject_request_id").asText()).isEqualTo(id);
        assertThat(pending.get("status_callback_url").asText()).isEqualTo(url);
        assertThat(RECEIVED.get(0).domain()).isEqualTo("localhost");
        assertThat(signedByHub(RECEIVED.get(0).body(), RECEIVED.get(0).signature())).isTrue();

        assertThat(hub.http().delete("/v1/requests/" + id, "Authorization", "Bearer " + token).statusCode()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() == 2);
        assertThat(JSON.readTree(RECEIVED.get(1).body()).get("request_status").asText()).isEqualTo("cancelled");
        assertThat(signedByHub(RECEIVED.get(1).body(), RECEIVED.get(1).signature())).isTrue();

        assertThat(hub.rows().rows(
                "SELECT a.action FROM audit_event a JOIN subject_request r ON r.id = a.request_id "
                        + "WHERE r.external_id = ? AND a.action = 'CALLBACK_SENT'", id)).hasSize(2);
    }

    private static boolean signedByHub(String body, String signature) throws Exception {
        String pem = hub.http().get("/v1/certificate").body();
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(body.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }
}
