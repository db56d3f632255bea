package io.dsrhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The status of a request is shown only with its status token, without personal data; a wrong token and an
 * unknown id get the same answer, so the API never tells whether an id exists.
 */
class RequestStatusApiTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.H2)
            .configure(b -> b.property("dsr.verification.challenge-new-requests", "false"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode created;

    @BeforeAll
    static void start() throws Exception {
        created = JSON.readTree(hub.http().postJson("/api/v1/requests", """
                {"controller": "ismarthomeq", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "status@example.cn"}], "details": "my watch data"}""").body());
    }

    @Test
    void theTokenShowsStatusAndDatesButNoPersonalData() throws Exception {
        String id = created.get("id").asText();
        HttpResponse<String> response = hub.http().get("/api/v1/requests/" + id, "X-Status-Token",
                created.get("statusToken").asText());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(body.get("reference").asText()).isEqualTo(created.get("reference").asText());
        assertThat(body.has("dueDates")).isTrue();
        assertThat(response.body()).doesNotContain("status@example.cn").doesNotContain("my watch data");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void theTokenWorksAsAQueryParameterToo() {
        String id = created.get("id").asText();
        assertThat(hub.http().get("/api/v1/requests/" + id + "?token=" + created.get("statusToken").asText())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongTokenAndAnUnknownIdLookTheSame() {
        String id = created.get("id").asText();
        HttpResponse<String> wrongToken = hub.http().get("/api/v1/requests/" + id, "X-Status-Token", "guess");
        HttpResponse<String> noToken = hub.http().get("/api/v1/requests/" + id);
        HttpResponse<String> unknown = hub.http().get("/api/v1/requests/" + UUID.randomUUID(), "X-Status-Token",
                created.get("statusToken").asText());

        assertThat(wrongToken.statusCode()).isEqualTo(404);
        assertThat(noToken.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrongToken.body()).isEqualTo(unknown.body()).isEqualTo(noToken.body());
    }

    @Test
    void theStatusPageLinkedFromTheAcknowledgementShowsTheStatus() {
        HttpResponse<String> page = hub.http().get(
                "/status/" + created.get("id").asText() + "?token=" + created.get("statusToken").asText());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.body()).contains(created.get("reference").asText()).contains("Received");
        HttpResponse<String> wrong = hub.http().get("/status/" + created.get("id").asText() + "?token=nope");
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).doesNotContain(created.get("reference").asText());
    }
}
