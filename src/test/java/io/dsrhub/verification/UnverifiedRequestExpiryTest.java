package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.MutableClock;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request whose requester never confirms is closed as EXPIRED_UNVERIFIED after dsr.verification.expire-after-days,
 * and the requester gets a notice saying so; a request confirmed in time is not touched.
 */
class UnverifiedRequestExpiryTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.H2)
            .configure(b -> b.bean("clock", CLOCK)
                    .property("dsr.verification.expire-after-days", "10")
                    .property("dsr.verification.expire-delay", "200")
                    .property("dsr.verification.challenge-delay", "200"));

    @Test
    void anUnconfirmedRequestExpiresWithANoticeAndAConfirmedOneDoesNot() {
        TestRequests requests = new TestRequests(hub.instance());
        String silent = requests.submit("""
                {"controller": "ikotek", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "quiet@example.org"}]}""");
        String prompt = requests.submit("""
                {"controller": "ikotek", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "jordan.lee@example.com"}]}""");
        requests.awaitStatus(silent, RequestStatus.AWAITING_VERIFICATION);
        requests.awaitStatus(prompt, RequestStatus.AWAITING_VERIFICATION);
        MimeMessage code = new VerificationMailbox(hub.mail()).await("jordan.lee@example.com", 1).get(0);

        CLOCK.advance(Duration.ofDays(9));
        assertThat(hub.http().postForm("/verify/" + prompt,
                List.of(Map.entry("t", VerificationMailbox.linkToken(code)))).statusCode())
                .as("a link is valid for 24 hours only").isEqualTo(410);
        // the link expired: the requester asks for a new one on the status page
        assertThat(hub.http().postForm("/verify/" + prompt + "/new-code",
                List.of(Map.entry("token", statusToken(prompt)))).statusCode()).isEqualTo(202);
        MimeMessage second = new VerificationMailbox(hub.mail()).await("jordan.lee@example.com", 2).get(1);
        assertThat(hub.http().postForm("/verify/" + prompt,
                List.of(Map.entry("t", VerificationMailbox.linkToken(second)))).statusCode()).isEqualTo(200);

        CLOCK.advance(Duration.ofDays(10).plusHours(1));
        requests.awaitStatus(silent, RequestStatus.EXPIRED_UNVERIFIED);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> hub.mail().messagesTo("quiet@example.org")
                .stream().anyMatch(m -> VerificationMailbox.subject(m).contains("has been closed")));
        MimeMessage notice = hub.mail().messagesTo("quiet@example.org").stream()
                .filter(m -> VerificationMailbox.subject(m).contains("has been closed")).findFirst().orElseThrow();
        assertThat(VerificationMailbox.text(notice)).contains("not confirmed within 10 days")
                .contains(requests.request(silent).reference());
        assertThat(requests.request(prompt).status()).isNotEqualTo(RequestStatus.EXPIRED_UNVERIFIED);
        assertThat(hub.rows().rows("SELECT outcome FROM request_verification WHERE request_id = ?", silent))
                .containsExactly(Map.of("outcome", "EXPIRED"));
    }

    private static String statusToken(String id) {
        return hub.bean(io.dsrhub.security.StatusTokens.class).issue(id);
    }
}
