package io.dsrhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same Idempotency-Key never creates a second request, not even when the retries race each other. */
class IdempotentSubmissionTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
            .configure(b -> b.property("dsr.verification.challenge-new-requests", "false"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = """
            {"controller": "ikotek", "types": ["access"], "identities": [{"type": "email", "value": "%s"}]}""";

    @Test
    void aRetriedSubmissionReturnsTheFirstRequest() throws Exception {
        HttpResponse<String> first = hub.http().postJson("/api/v1/requests", BODY.formatted("retry@example.com"),
                "Idempotency-Key", "client-retry-0001");
        HttpResponse<String> again = hub.http().postJson("/api/v1/requests", BODY.formatted("retry@example.com"),
                "Idempotency-Key", "client-retry-0001");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        String id = JSON.readTree(first.body()).get("id").asText();
        assertThat(JSON.readTree(again.body()).get("id").asText()).isEqualTo(id);
        assertThat(JSON.readTree(again.body()).get("statusToken").asText())
                .isEqualTo(JSON.readTree(first.body()).get("statusToken").asText());
        assertThat(hub.rows().rows("SELECT id FROM subject_request WHERE reply_to = 'retry@example.com'")).hasSize(1);
        hub.mail().awaitMessagesTo("retry@example.com", 1);
        Awaitility.await().until(() -> hub.rows().rows("SELECT 1 FROM outbound_message WHERE request_id = ? AND status = 'SENT'", id).size() == 1);
        assertThat(hub.mail().messagesTo("retry@example.com")).hasSize(1);
    }

    @Test
    void racingRetriesCreateOneRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                responses.add(pool.submit(() -> hub.http().postJson("/api/v1/requests",
                        BODY.formatted("race@example.com"), "Idempotency-Key", "client-race-0001")));
            }
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> r = response.get();
                assertThat(r.statusCode()).isIn(200, 201);
                created += r.statusCode() == 201 ? 1 : 0;
                ids.add(JSON.readTree(r.body()).get("id").asText());
            }
            assertThat(ids).hasSize(1);
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(hub.rows().rows("SELECT id FROM subject_request WHERE reply_to = 'race@example.com'")).hasSize(1);
    }

    @Test
    void differentKeysAreDifferentRequests() throws Exception {
        HttpResponse<String> a = hub.http().postJson("/api/v1/requests", BODY.formatted("two@example.com"),
                "Idempotency-Key", "client-two-000a");
        HttpResponse<String> b = hub.http().postJson("/api/v1/requests", BODY.formatted("two@example.com"),
                "Idempotency-Key", "client-two-000b");
        assertThat(a.statusCode()).isEqualTo(201);
        assertThat(b.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(a.body()).get("id")).isNotEqualTo(JSON.readTree(b.body()).get("id"));
    }
}
