package io.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator API needs the admin token, filters the queue and shows one request with its whole trail. */
class AdminApiTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
            .configure(b -> b.property("dsr.verification.challenge-new-requests", "false"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String erasureId;
    private static String accessId;

    @BeforeAll
    static void start() throws Exception {
        erasureId = JSON.readTree(hub.http().postJson("/api/v1/requests", """
                {"controller": "isocket", "types": ["erasure"], "identities": [{"type": "email", "value": "e@example.fi"}]}""")
                .body()).get("id").asText();
        accessId = JSON.readTree(hub.http().postJson("/api/v1/requests", """
                {"controller": "ikotek", "types": ["access"], "identities": [{"type": "email", "value": "a@example.com"}]}""")
                .body()).get("id").asText();
        hub.bean(LedgerTransactions.class).run(() -> hub.bean(RequestLedger.class)
                .transition(accessId, RequestStatus.AWAITING_VERIFICATION, "test", "code sent"));
    }

    @Test
    void withoutTheTokenThereIsNothingToSee() {
        HttpResponse<String> none = hub.http().get("/api/v1/admin/requests");
        HttpResponse<String> wrong = hub.http().get("/api/v1/admin/requests", "Authorization", "Bearer guess-guess-guess-guess");
        HttpResponse<String> detail = hub.http().get("/api/v1/admin/requests/" + erasureId);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(detail.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(detail.body()).doesNotContain("e@example.fi");
    }

    @Test
    void theQueueFiltersByControllerStatusAndType() throws Exception {
        JsonNode all = JSON.readTree(hub.http().admin("/api/v1/admin/requests").body());
        assertThat(all.get("total").asLong()).isEqualTo(2);

        JsonNode byController = JSON.readTree(hub.http().admin("/api/v1/admin/requests?controller=isocket").body());
        assertThat(byController.get("requests")).extracting(r -> r.get("id").asText()).containsExactly(erasureId);

        JsonNode byStatus = JSON.readTree(hub.http().admin("/api/v1/admin/requests?status=awaiting_verification").body());
        assertThat(byStatus.get("requests")).extracting(r -> r.get("id").asText()).containsExactly(accessId);

        JsonNode byType = JSON.readTree(hub.http().admin("/api/v1/admin/requests?type=erasure").body());
        assertThat(byType.get("requests")).extracting(r -> r.get("id").asText()).containsExactly(erasureId);
        assertThat(byType.get("requests").get(0).get("daysLeft").asLong()).isBetween(27L, 31L);
    }

    @Test
    void aBadFilterIsNamed() throws Exception {
        HttpResponse<String> response = hub.http().admin("/api/v1/admin/requests?status=sleeping&limit=0");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("status", "limit");
    }

    @Test
    void theDetailShowsIdentitiesDatesMessagesAndAnIntactAuditTrail() throws Exception {
        Awaitility.await().until(() -> !hub.rows().rows(
                "SELECT 1 FROM outbound_message WHERE request_id = ? AND status = 'SENT'", erasureId).isEmpty());
        HttpResponse<String> response = hub.http().admin("/api/v1/admin/requests/" + erasureId);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode detail = JSON.readTree(response.body());
        assertThat(detail.get("identities").get(0).get("value").asText()).isEqualTo("e@example.fi");
        assertThat(detail.get("dueDates").get(0).get("rule").asText()).contains("iSocket");
        assertThat(detail.get("messages").get(0).get("kind").asText()).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(detail.get("messages").get(0).get("status").asText()).isEqualTo("SENT");
        assertThat(detail.get("audit")).extracting(e -> e.get("action").asText())
                .startsWith("RECEIVED", "MESSAGE_QUEUED").contains("MESSAGE_SENT", "OPERATOR_VIEWED");
        assertThat(detail.get("auditChainIntact").asBoolean()).isTrue();
        assertThat(detail.get("tasks").isArray()).isTrue();
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThat(hub.http().admin("/api/v1/admin/requests/00000000-0000-4000-8000-000000000000").statusCode())
                .isEqualTo(404);
    }
}
