package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests made for someone else go to an operator first ({@code POST /api/v1/admin/requests/{id}/verification}):
 * an agent's request, once the operator has checked the signed permission, still needs the subject's confirmation
 * (a code to the subject's address on file, never to the agent), unless the agent holds a power of attorney; a
 * guardian's request is verified by the operator's approval of the proof of relationship. Rejections close the
 * request and tell the requester why. An agent can upload the signed permission; the operator sees it with the
 * request's verification. Every decision is in the audit trail with the operator and the reason.
 */
class AgentAndGuardianApprovalTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL);

    @Test
    void anAgentsRequestIsApprovedByTheOperatorAndThenConfirmedByTheSubject() {
        TestRequests requests = new TestRequests(hub.instance());
        String id = requests.submit(agentRequest("sam@example.com"));
        requests.awaitStatus(id, RequestStatus.AWAITING_APPROVAL);
        assertThat(audit(id, "STATUS_CHANGED")).anyMatch(d -> d.contains("authorised agent"));
        assertThat(new VerificationMailbox(hub.mail()).codeMails("agent@example.net")).isEmpty();

        HttpResponse<String> noToken = hub.http().postJson(path(id), "{\"decision\": \"approve\", \"reason\": \"ok\"}");
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> bad = decide(id, "{\"decision\": \"maybe\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"decision\"").contains("\"reason\"");

        HttpResponse<String> approved = decide(id,
                "{\"decision\": \"approve\", \"reason\": \"signed permission in attachment 1 checked\"}");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("AWAITING_VERIFICATION");
        MimeMessage code = new VerificationMailbox(hub.mail()).await("sam@example.com", 1).get(0);
        assertThat(new VerificationMailbox(hub.mail()).codeMails("agent@example.net")).isEmpty();
        assertThat(hub.http().postForm("/verify/" + id, List.of(Map.entry("t", VerificationMailbox.linkToken(code))))
                .statusCode()).isEqualTo(200);

        requests.awaitStatus(id, RequestStatus.VERIFIED, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED,
                RequestStatus.PARTIALLY_COMPLETED);
        assertThat(hub.rows().rows("SELECT actor, detail FROM audit_event WHERE request_id = ? AND action = "
                + "'VERIFICATION_APPROVED'", id)).containsExactly(Map.of("actor", "operator:Olivia Operator",
                "detail", "reason=signed permission in attachment 1 checked"));
        assertThat(decide(id, "{\"decision\": \"approve\", \"reason\": \"again please\"}").statusCode())
                .isEqualTo(409);
    }

    @Test
    void anAgentWithPowerOfAttorneyNeedsNoConfirmationFromTheSubject() {
        TestRequests requests = new TestRequests(hub.instance());
        String id = requests.submit(agentRequest("taylor.poa@example.org"));
        requests.awaitStatus(id, RequestStatus.AWAITING_APPROVAL);

        HttpResponse<String> approved = decide(id, "{\"decision\": \"approve\", \"reason\": \"notarised power of "
                + "attorney checked\", \"powerOfAttorney\": true}");

        assertThat(approved.statusCode()).isEqualTo(200);
        requests.awaitStatus(id, RequestStatus.VERIFIED, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED,
                RequestStatus.PARTIALLY_COMPLETED);
        assertThat(new VerificationMailbox(hub.mail()).codeMails("taylor.poa@example.org")).isEmpty();
    }

    @Test
    void aGuardiansRequestIsVerifiedByApprovalOrClosedByRejection() {
        TestRequests requests = new TestRequests(hub.instance());
        String approvedId = requests.submit(guardianRequest("kid.one@example.org"));
        String rejectedId = requests.submit(guardianRequest("kid.two@example.org"));
        requests.awaitStatus(approvedId, RequestStatus.AWAITING_APPROVAL);
        requests.awaitStatus(rejectedId, RequestStatus.AWAITING_APPROVAL);
        assertThat(audit(approvedId, "STATUS_CHANGED"))
                .anyMatch(d -> d.contains("parent or guardian") && d.contains("under 18"));

        assertThat(decide(approvedId, "{\"decision\": \"approve\", \"reason\": \"birth certificate checked\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> rejected = decide(rejectedId,
                "{\"decision\": \"reject\", \"reason\": \"no proof of parental responsibility\"}");

        requests.awaitStatus(approvedId, RequestStatus.VERIFIED, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED,
                RequestStatus.PARTIALLY_COMPLETED);
        assertThat(rejected.body()).contains("REJECTED");
        assertThat(requests.request(rejectedId).status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(audit(rejectedId, "VERIFICATION_REJECTED"))
                .containsExactly("reason=no proof of parental responsibility");
        assertThat(new VerificationMailbox(hub.mail()).codeMails("kid.one@example.org")).isEmpty();
        org.awaitility.Awaitility.await().until(() -> hub.mail().messagesTo("parent@example.net").stream()
                .anyMatch(m -> VerificationMailbox.subject(m).contains("We could not accept")
                        && VerificationMailbox.text(m).contains("Reason: no proof of parental responsibility")));
    }

    @Test
    void anAgentUploadsTheSignedPermissionAndTheOperatorSeesIt() throws Exception {
        TestRequests requests = new TestRequests(hub.instance());
        String id = requests.submit(agentRequest("upload.subject@example.org"));
        requests.awaitStatus(id, RequestStatus.AWAITING_APPROVAL);
        String token = hub.bean(io.dsrhub.security.StatusTokens.class).issue(id);
        byte[] pdf = "%PDF-1.4 signed permission of the subject".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> wrongType = upload(id, token, "text/html", pdf);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.body()).contains("Content-Type");
        assertThat(upload(id, "not-the-token", "application/pdf", pdf).statusCode()).isEqualTo(404);
        HttpResponse<String> uploaded = upload(id, token, "application/pdf", pdf);
        assertThat(uploaded.statusCode()).isEqualTo(201);

        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(uploaded.body()).contains(sha);
        HttpResponse<String> view = hub.http().get(path(id), "Authorization", "Bearer " + HubInstance.ADMIN_TOKEN);
        assertThat(view.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode seen = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(view.body());
        assertThat(seen.get("requester").asText()).isEqualTo("agent");
        assertThat(seen.get("evidence")).hasSize(1);
        assertThat(seen.get("evidence").get(0).get("sha256").asText()).isEqualTo(sha);
        String key = seen.get("evidence").get(0).get("objectKey").asText();
        assertThat(hub.bean(io.dsrhub.evidence.EvidenceStore.class).get(key)).isEqualTo(pdf);
        assertThat(audit(id, "EVIDENCE_UPLOADED")).singleElement().asString().contains(sha);
        assertThat(hub.http().get(path(id)).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> upload(String id, String token, String type, byte[] content) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(hub.instance().baseUrl() + "/verify/" + id + "/evidence?token=" + token))
                    .header("Content-Type", type).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String agentRequest(String subject) {
        return """
                {"controller": "ironzon", "types": ["erasure"], "identities": [{"type": "email", "value": "%s"}],
                 "requester": {"kind": "agent", "name": "Alex Agent", "email": "agent@example.net"}}"""
                .formatted(subject);
    }

    private static String guardianRequest(String subject) {
        return """
                {"controller": "ismarthomeq", "types": ["erasure"], "identities": [{"type": "email", "value": "%s"}],
                 "requester": {"kind": "guardian", "name": "Gale Guardian", "email": "parent@example.net"}}"""
                .formatted(subject);
    }

    private static String path(String id) {
        return "/api/v1/admin/requests/" + id + "/verification";
    }

    private static HttpResponse<String> decide(String id, String json) {
        return hub.http().postJson(path(id), json, "Authorization", "Bearer " + HubInstance.ADMIN_TOKEN,
                "X-Operator", "Olivia Operator");
    }

    private static List<String> audit(String id, String action) {
        return hub.rows().rows("SELECT detail FROM audit_event WHERE request_id = ? AND action = ? ORDER BY seq", id,
                action).stream().map(r -> String.valueOf(r.get("detail"))).toList();
    }
}
