package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.MutableClock;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Codes typed on the status page: five wrong codes block the code (even the right one no longer works) until a new
 * code is asked for, which replaces the old; a code expires after dsr.verification.code-validity; a code needs the
 * status page's token.
 */
class CodeAttemptsTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
            .configure(b -> b.bean("clock", CLOCK).property("dsr.verification.challenge-delay", "200"));

    @Test
    void fiveWrongCodesBlockTheCodeUntilANewOneIsSent() {
        Submitted request = submit("pat.wrong@example.org");
        String code = VerificationMailbox.code(request.mail());
        String wrong = code.equals("1234-5678") ? "8765-4321" : "1234-5678";

        for (int left = 4; left >= 1; left--) {
            HttpResponse<String> answer = enter(request, wrong);
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("code: this is not the code we sent").contains(left + " more");
        }
        HttpResponse<String> fifth = enter(request, wrong);
        assertThat(fifth.statusCode()).isEqualTo(423);
        assertThat(fifth.body()).contains("too many wrong codes");
        HttpResponse<String> rightButBlocked = enter(request, code);
        assertThat(rightButBlocked.statusCode()).isEqualTo(423);
        assertThat(status(request)).isEqualTo(RequestStatus.AWAITING_VERIFICATION);
        assertThat(hub.rows().rows("SELECT state, attempts FROM verification_challenge WHERE request_id = ?",
                request.id())).containsExactly(Map.of("state", "LOCKED", "attempts", 5));

        HttpResponse<String> renewed = hub.http().postForm("/verify/" + request.id() + "/new-code",
                List.of(Map.entry("token", request.statusToken())));
        assertThat(renewed.statusCode()).isEqualTo(202);
        MimeMessage second = new VerificationMailbox(hub.mail()).await("pat.wrong@example.org", 2).get(1);
        String newCode = VerificationMailbox.code(second);
        assertThat(newCode).isNotEqualTo(code);
        assertThat(enter(request, code).statusCode()).as("the blocked code is replaced, not revived").isEqualTo(400);
        HttpResponse<String> accepted = enter(request, newCode.replace("-", " "));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(status(request)).isIn(RequestStatus.VERIFIED, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED,
                RequestStatus.PARTIALLY_COMPLETED);
    }

    @Test
    void aCodeExpiresAfterItsValidity() {
        Submitted request = submit("pat.late@example.org");
        CLOCK.advance(Duration.ofHours(24).plusMinutes(1));
        try {
            HttpResponse<String> answer = enter(request, VerificationMailbox.code(request.mail()));
            assertThat(answer.statusCode()).isEqualTo(410);
            assertThat(answer.body()).contains("code: this code has expired");
            assertThat(status(request)).isEqualTo(RequestStatus.AWAITING_VERIFICATION);
            assertThat(hub.rows().rows("SELECT state FROM verification_challenge WHERE request_id = ?", request.id()))
                    .containsExactly(Map.of("state", "EXPIRED"));
            HttpResponse<String> link = hub.http().postForm("/verify/" + request.id(),
                    List.of(Map.entry("t", VerificationMailbox.linkToken(request.mail()))));
            assertThat(link.statusCode()).isEqualTo(410);
        } finally {
            CLOCK.advance(Duration.ofHours(-24).minusMinutes(1));
        }
    }

    @Test
    void aCodeWithoutTheStatusTokenIsNotLookedAt() {
        Submitted request = submit("pat.token@example.org");
        HttpResponse<String> answer = hub.http().postForm("/verify/" + request.id(),
                List.of(Map.entry("code", VerificationMailbox.code(request.mail())), Map.entry("token", "guess")));
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(status(request)).isEqualTo(RequestStatus.AWAITING_VERIFICATION);
        assertThat(hub.rows().rows("SELECT attempts FROM verification_challenge WHERE request_id = ?", request.id()))
                .containsExactly(Map.of("attempts", 0));
    }

    private record Submitted(String id, String statusToken, MimeMessage mail) {
    }

    private Submitted submit(String email) {
        HttpResponse<String> response = hub.http().postJson("/api/v1/requests", """
                {"controller": "isocket", "types": ["erasure"], "identities": [{"type": "email", "value": "%s"}]}"""
                .formatted(email));
        assertThat(response.statusCode()).isEqualTo(201);
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String id = body.get("id").asText();
        String token = body.get("statusToken").asText();
        new TestRequests(hub.instance()).awaitStatus(id, RequestStatus.AWAITING_VERIFICATION);
        MimeMessage mail = new VerificationMailbox(hub.mail()).await(email, 1).get(0);
        return new Submitted(id, token, mail);
    }

    private HttpResponse<String> enter(Submitted request, String code) {
        return hub.http().postForm("/verify/" + request.id(),
                List.of(Map.entry("code", code), Map.entry("token", request.statusToken())));
    }

    private RequestStatus status(Submitted request) {
        return new TestRequests(hub.instance()).request(request.id()).status();
    }
}
