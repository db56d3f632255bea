package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.MutableClock;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verification feeds the deadline engine: when the requester confirms, the dates that run from verification are
 * counted from that day (IID2SECURE promises "30 days" after verifying identity, PIPL 15 working days); where the
 * regime stops the clock while the controller waits for the requester (UK GDPR), it stands still from the challenge to
 * the confirmation.
 */
class VerificationClockTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-09-20T02:00:00Z"));

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
            .configure(b -> b.bean("clock", CLOCK).property("dsr.verification.code-validity", "P10D")
                    .property("dsr.verification.challenge-delay", "200")
                    .property("dsr.deadline.schedule", "0 0 0 1 1 ? 2099"));

    @Test
    void theDatesThatRunFromVerificationCountFromTheConfirmation() throws Exception {
        CLOCK.set(Instant.parse("2025-09-20T02:00:00Z"));
        String id = submit("iid2secure", "CN", "zh", "clock.cn@example.org");
        MimeMessage mail = new VerificationMailbox(hub.mail()).await("clock.cn@example.org", 1).get(0);

        CLOCK.set(Instant.parse("2025-09-28T02:00:00Z"));
        assertThat(confirm(id, mail).statusCode()).isEqualTo(200);

        assertThat(hub.rows().rows("SELECT verified_at FROM request_clock WHERE request_id = ?", id).get(0)
                .get("verified_at").toString()).startsWith("2025-09-28");
        assertThat(rule(id, "PROMISE")).contains("identity verification on 2025-09-28");
        assertThat(dueOn(id, "PROMISE")).isEqualTo("2025-10-28");
        assertThat(dueOn(id, "STATUTORY")).isEqualTo("2025-10-24");
        assertThat(hub.rows().rows("SELECT requested_at, completed_at FROM request_verification WHERE request_id = ?",
                id).get(0).get("completed_at").toString()).startsWith("2025-09-28");
    }

    @Test
    void aUkClockStandsStillWhileTheRequesterHasNotConfirmed() throws Exception {
        CLOCK.set(Instant.parse("2025-06-02T09:00:00Z"));
        String id = submit("isocket", "GB", "en", "clock.uk@example.org");
        MimeMessage mail = new VerificationMailbox(hub.mail()).await("clock.uk@example.org", 1).get(0);
        assertThat(hub.rows().rows("SELECT reason, resumed_at FROM request_pause WHERE request_id = ?", id))
                .singleElement().satisfies(p -> {
                    assertThat(p.get("reason")).isEqualTo("waiting for the requester to confirm identity");
                    assertThat(p.get("resumed_at")).isNull();
                });

        CLOCK.set(Instant.parse("2025-06-08T09:00:00Z"));
        assertThat(confirm(id, mail).statusCode()).isEqualTo(200);

        assertThat(hub.rows().rows("SELECT resumed_at FROM request_pause WHERE request_id = ?", id).get(0)
                .get("resumed_at")).isNotNull();
        // received Mon 2 June: one month is 2 July; 2 to 8 June paused (7 days, both ends included) makes it 9 July
        assertThat(dueOn(id, "STATUTORY")).isEqualTo("2025-07-09");
        assertThat(new TestRequests(hub.instance()).request(id).status()).isIn(RequestStatus.VERIFIED,
                RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED, RequestStatus.PARTIALLY_COMPLETED);
    }

    private static String submit(String controller, String jurisdiction, String language, String email)
            throws Exception {
        HttpResponse<String> response = hub.http().postJson("/api/v1/requests", """
                {"controller": "%s", "types": ["erasure"], "jurisdiction": "%s", "language": "%s",
                 "identities": [{"type": "email", "value": "%s"}]}"""
                .formatted(controller, jurisdiction, language, email));
        assertThat(response.statusCode()).isEqualTo(201);
        String id = new ObjectMapper().readTree(response.body()).get("id").asText();
        new TestRequests(hub.instance()).awaitStatus(id, RequestStatus.AWAITING_VERIFICATION);
        return id;
    }

    private static HttpResponse<String> confirm(String id, MimeMessage mail) {
        return hub.http().postForm("/verify/" + id, List.of(Map.entry("t", VerificationMailbox.linkToken(mail))));
    }

    private static String rule(String id, String kind) {
        return hub.rows().rows("SELECT rule FROM request_due_date WHERE request_id = ? AND kind = ?", id, kind).get(0)
                .get("rule").toString();
    }

    private static String dueOn(String id, String kind) {
        return hub.rows().rows("SELECT due_on FROM request_due_date WHERE request_id = ? AND kind = ?", id, kind)
                .get(0).get("due_on").toString();
    }
}
