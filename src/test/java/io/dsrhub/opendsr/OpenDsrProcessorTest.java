package io.dsrhub.opendsr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hub answers OpenDSR callers as a processor (spec v2.0 and the OpenGDPR v1 route): discovery, create, status
 * and cancel, each answer signed with the certificate it publishes; callers must present their controller's token.
 */
class OpenDsrProcessorTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String token;
    private static X509Certificate certificate;

    @BeforeAll
    static void start() throws Exception {
        token = Files.readString(hub.instance().dataDir().resolve("opendsr-token-ikotek")).strip();
        String pem = hub.http().get("/v1/certificate").body();
        certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static boolean signedByHub(String body, String signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(body.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    private static String create(String path, String id) {
        return """
                {"regulation": "gdpr", "subject_request_id": "%s", "subject_request_type": "erasure",
                 "submitted_time": "2026-11-20T10:00:00Z", "api_version": "2.0",
                 "subject_identities": [{"identity_type": "email", "identity_value": "ann@example.com", "identity_format": "raw"},
                   {"identity_type": "controller_customer_id", "identity_value": "%s", "identity_format": "sha256"}],
                 "status_callback_urls": ["https://controller.example/opendsr/callbacks"]}"""
                .formatted(id, "a".repeat(64));
    }

    @Test
    void discoveryIsSignedAndPointsAtTheCertificate() throws Exception {
        HttpResponse<String> discovery = hub.http().get("/v1/discovery");
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(discovery.body());
        assertThat(body.get("api_version").asText()).isEqualTo("2.0");
        assertThat(body.get("supported_subject_request_types")).extracting(JsonNode::asText)
                .containsExactly("access", "portability", "erasure");
        assertThat(body.get("processor_certificate").asText()).endsWith("/v1/certificate");
        assertThat(discovery.headers().firstValue("X-OpenDSR-Processor-Domain")).contains("localhost");
        assertThat(signedByHub(discovery.body(), discovery.headers().firstValue("X-OpenDSR-Signature").orElseThrow()))
                .isTrue();
    }

    @Test
    void aRequestIsCreatedOnceWithASignedReceiptAndCanBeFollowedAndCancelled() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> created = hub.http().postJson("/v1/requests", create("/v1/requests", id),
                "Authorization", "Bearer " + token);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(signedByHub(created.body(), created.headers().firstValue("X-OpenDSR-Signature").orElseThrow())).isTrue();
        ObjectNode receipt = (ObjectNode) JSON.readTree(created.body());
        assertThat(receipt.get("subject_request_id").asText()).isEqualTo(id);
        assertThat(receipt.get("controller_id").asText()).isEqualTo("ikotek");
        assertThat(new String(Base64.getDecoder().decode(receipt.get("encoded_request").asText()), StandardCharsets.UTF_8))
                .contains(id);
        String processorSignature = receipt.remove("processor_signature").asText();
        assertThat(signedByHub(receipt.toString(), processorSignature)).isTrue();

        HttpResponse<String> again = hub.http().postJson("/v1/requests", create("/v1/requests", id),
                "Authorization", "Bearer " + token);
        assertThat(again.statusCode()).isEqualTo(201);
        var rows = hub.rows();
        assertThat(hub.rows().rows("SELECT id, channel, jurisdiction FROM subject_request WHERE external_id = ?", id))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("channel")).isEqualTo("OPENDSR");
                    assertThat(r.get("jurisdiction")).isEqualTo("EU");
                });
        assertThat(hub.rows().rows("SELECT identity_type, format FROM request_identity i JOIN subject_request r "
                + "ON r.id = i.request_id WHERE r.external_id = ? ORDER BY identity_type", id))
                .extracting(r -> r.get("identity_type") + "/" + r.get("format"))
                .containsExactly("CUSTOMER_ID/sha256", "EMAIL/raw");
        assertThat(hub.rows().rows("SELECT url FROM opendsr_callback c JOIN subject_request r ON r.id = c.request_id "
                + "WHERE r.external_id = ?", id)).hasSize(1);

        HttpResponse<String> status = hub.http().get("/v1/requests/" + id, "Authorization", "Bearer " + token);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(status.body()).get("request_status").asText()).isEqualTo("pending");
        assertThat(signedByHub(status.body(), status.headers().firstValue("X-OpenDSR-Signature").orElseThrow())).isTrue();

        HttpResponse<String> cancelled = hub.http().delete("/v1/requests/" + id, "Authorization", "Bearer " + token);
        assertThat(cancelled.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(hub.http().get("/v1/requests/" + id, "Authorization", "Bearer " + token).body())
                .get("request_status").asText()).isEqualTo("cancelled");
        HttpResponse<String> twice = hub.http().delete("/v1/requests/" + id, "Authorization", "Bearer " + token);
        assertThat(twice.statusCode()).isEqualTo(400);
    }

    @Test
    void theOpenGdprRouteUsesTheOldHeaderNames() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> created = hub.http().postJson("/opengdpr_requests", create("/opengdpr_requests", id),
                "Authorization", "Bearer " + token);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-OpenGDPR-Processor-Domain")).contains("localhost");
        assertThat(signedByHub(created.body(), created.headers().firstValue("X-OpenGDPR-Signature").orElseThrow())).isTrue();
        assertThat(hub.http().get("/opengdpr_requests/" + id, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
    }

    @Test
    void callersWithoutTheirTokenAreTurnedAwayAndSeeNoRequest() throws Exception {
        HttpResponse<String> noToken = hub.http().postJson("/v1/requests", create("/v1/requests", UUID.randomUUID().toString()));
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(noToken.body()).get("error").get("code").asInt()).isEqualTo(401);

        String id = UUID.randomUUID().toString();
        hub.http().postJson("/v1/requests", create("/v1/requests", id), "Authorization", "Bearer " + token);
        String otherControllersToken = Files.readString(hub.instance().dataDir().resolve("opendsr-token-isocket")).strip();
        assertThat(hub.http().get("/v1/requests/" + id, "Authorization", "Bearer " + otherControllersToken)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void anInvalidRequestIsAnsweredInTheSpecsErrorShapeWithoutIdentities() throws Exception {
        HttpResponse<String> bad = hub.http().postJson("/v1/requests", """
                {"regulation": "pipl", "subject_request_id": "not-a-uuid", "subject_request_type": "delete",
                 "subject_identities": [{"identity_type": "email", "identity_value": "secret@example.com", "identity_format": "rot13"}]}""",
                "Authorization", "Bearer " + token);
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(bad.body()).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(400);
        assertThat(error.get("errors")).extracting(e -> e.get("message").asText())
                .anySatisfy(m -> assertThat(m).startsWith("regulation:"))
                .anySatisfy(m -> assertThat(m).startsWith("subject_request_id:"))
                .anySatisfy(m -> assertThat(m).startsWith("subject_request_type:"))
                .anySatisfy(m -> assertThat(m).startsWith("submitted_time:"))
                .anySatisfy(m -> assertThat(m).startsWith("subject_identities[0].identity_format:"));
        assertThat(bad.body()).doesNotContain("secret@example.com");
        assertThat(signedByHub(bad.body(), bad.headers().firstValue("X-OpenDSR-Signature").orElseThrow())).isTrue();
    }
}
