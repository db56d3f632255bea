package io.dsrhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad submissions get a 400 (413 for an oversized body) that names each bad field, and no row is written. */
class ApiValidationTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
            .configure(b -> b.property("dsr.http.max-body-bytes", "4096"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void nothingWasWritten() {
        assertThat(hub.rows().count("subject_request")).isZero();
        assertThat(hub.rows().count("processed_key")).isZero();
        assertThat(hub.rows().count("outbound_message")).isZero();
    }

    private static List<String> fieldsOf(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        List<String> fields = new ArrayList<>();
        body.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private HttpResponse<String> post(String json) {
        return hub.http().postJson("/api/v1/requests", json);
    }

    @Test
    void missingFieldsAreEachNamed() throws Exception {
        HttpResponse<String> response = post("{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(response)).containsExactlyInAnyOrder("controller", "types", "identities");
    }

    @Test
    void wrongTypesAreNamed() throws Exception {
        HttpResponse<String> response = post("""
                {"controller": 7, "types": "access", "identities": {"type": "email"}, "details": ["x"]}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(response)).contains("controller", "types", "identities", "details");
        assertThat(response.body()).contains("must be a string").contains("must be a non-empty list");
    }

    @Test
    void anUnknownControllerIsRefusedWithoutEchoingIt() throws Exception {
        HttpResponse<String> response = post("""
                {"controller": "evilcorp", "types": ["access"], "identities": [{"type": "email", "value": "a@b.com"}]}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(response)).containsExactly("controller");
        assertThat(response.body()).contains("is not a controller served here").doesNotContain("evilcorp");
    }

    @Test
    void scriptInAFieldIsRefused() throws Exception {
        HttpResponse<String> response = post("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "a@b.com"}],
                 "requester": {"name": "<script>alert(1)</script>"},
                 "details": "<img src=x onerror=alert(1)>"}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(response)).containsExactlyInAnyOrder("requester.name", "details");
        assertThat(response.body()).doesNotContain("<script>").doesNotContain("<img");
    }

    @Test
    void badIdentitiesAndCodesAreNamedByPosition() throws Exception {
        HttpResponse<String> response = post("""
                {"controller": "ironzon", "types": ["access", "teleport"],
                 "identities": [{"type": "email", "value": "not-an-address"}, {"type": "shoe-size", "value": "42"},
                                {"type": "phone", "value": "call me"}],
                 "country": "XX", "jurisdiction": "US-CALIFORNIA", "language": "english"}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(response)).containsExactlyInAnyOrder("types[1]", "identities[0].value",
                "identities[1].type", "identities[2].value", "country", "jurisdiction", "language");
    }

    @Test
    void anUnknownFieldIsNamed() throws Exception {
        HttpResponse<String> response = post("""
                {"controller": "ironzon", "types": ["access"], "identities": [{"type": "email", "value": "a@b.com"}],
                 "urgency": "high"}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(response)).containsExactly("urgency");
    }

    @Test
    void aRequestWithNoAddressToReplyToIsRefused() throws Exception {
        HttpResponse<String> response = post("""
                {"controller": "ironzon", "types": ["access"], "identities": [{"type": "device-serial", "value": "IZ-LOCK-0042"}]}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(response)).containsExactly("identities");
    }

    @Test
    void anAgentMustSayWhoTheyAre() throws Exception {
        HttpResponse<String> response = post("""
                {"controller": "ironzon", "types": ["access"], "identities": [{"type": "email", "value": "a@b.com"}],
                 "requester": {"kind": "agent"}}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(response)).containsExactlyInAnyOrder("requester.name", "requester.email");
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        HttpResponse<String> response = post("{\"controller\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(response)).containsExactly("body");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        String padding = "x".repeat(5000);
        HttpResponse<String> response = post("""
                {"controller": "ironzon", "types": ["access"], "identities": [{"type": "email", "value": "a@b.com"}],
                 "details": "%s"}""".formatted(padding));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(fieldsOf(response)).containsExactly("body");
        assertThat(response.body()).contains("4096 bytes");
    }

    @Test
    void aMalformedIdempotencyKeyIsNamed() throws Exception {
        HttpResponse<String> response = hub.http().postJson("/api/v1/requests", """
                {"controller": "ironzon", "types": ["access"], "identities": [{"type": "email", "value": "a@b.com"}]}""",
                "Idempotency-Key", "short");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldsOf(response)).containsExactly("Idempotency-Key");
    }
}
