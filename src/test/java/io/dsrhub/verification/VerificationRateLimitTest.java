package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.security.StatusTokens;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rate limits answer 429 with what was exceeded, never a 500: new requests per identity and per source address, code
 * attempts per source address (new-code requests included), new codes per identity. Counted in the ledger, so every hub instance sees the same.
 */
class VerificationRateLimitTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.H2)
            .configure(b -> b.property("dsr.verification.limits.requests-per-identity", "2")
                    .property("dsr.verification.limits.requests-per-source", "4")
                    .property("dsr.verification.limits.attempts-per-source", "4")
                    .property("dsr.verification.limits.codes-per-identity", "1"));

    @Test
    void exceedingALimitGetsAClear429() {
        assertThat(submit("repeat@example.org").statusCode()).isEqualTo(201);
        HttpResponse<String> second = submit("repeat@example.org");
        assertThat(second.statusCode()).isEqualTo(201);
        HttpResponse<String> third = submit("repeat@example.org");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("\"identities\"").contains("too many requests for this identity");

        assertThat(submit("other@example.org").statusCode()).isEqualTo(201);
        HttpResponse<String> fromSameSource = submit("third@example.org");
        assertThat(fromSameSource.statusCode()).isEqualTo(429);
        assertThat(fromSameSource.body()).contains("\"source\"").contains("too many requests from this address");
        assertThat(hub.rows().rows("SELECT id FROM subject_request")).hasSize(3);
        HttpResponse<String> form = hub.http().postForm("/forms/ikotek", List.of(Map.entry("email", "form@example.org")));
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.body()).contains("Too many requests were sent from your network");

        String id = second.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        new TestRequests(hub.instance()).awaitStatus(id, RequestStatus.AWAITING_VERIFICATION);
        String token = hub.bean(StatusTokens.class).issue(id);
        assertThat(newCode(id, token).statusCode()).isEqualTo(202);
        HttpResponse<String> tooManyCodes = newCode(id, token);
        assertThat(tooManyCodes.statusCode()).isEqualTo(429);
        assertThat(tooManyCodes.body()).contains("Too many codes were asked for");
        assertThat(attempt(id, token, "1111-1111").statusCode()).isIn(200, 400);
        assertThat(attempt(id, token, "2222-2222").statusCode()).isIn(200, 400);
        HttpResponse<String> limited = attempt(id, token, "3333-3333");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("3600");
        assertThat(limited.body()).contains("Too many confirmation attempts");
    }

    private static HttpResponse<String> submit(String email) {
        return hub.http().postJson("/api/v1/requests", """
                {"controller": "ikotek", "types": ["erasure"], "identities": [{"type": "email", "value": "%s"}]}"""
                .formatted(email));
    }

    private static HttpResponse<String> newCode(String id, String token) {
        return hub.http().postForm("/verify/" + id + "/new-code", List.of(Map.entry("token", token)));
    }

    private static HttpResponse<String> attempt(String id, String token, String code) {
        return hub.http().postForm("/verify/" + id, List.of(Map.entry("code", code), Map.entry("token", token)));
    }
}
