package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.security.StatusTokens;
import io.dsrhub.testing.MutableClock;
import io.dsrhub.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A package link works for dsr.reply.package-link-days (3 here) and no longer: the day before it runs out it still
 * downloads; once it has run out it answers 410 with a page naming the reference and how to get a new link, the
 * status page stops offering it, and the refusal is audited. A made-up token is a plain 404.
 */
class ExpiredPackageLinkTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @RegisterExtension
    static final ReplyHub hub = ReplyHub.on(TestDatabase.Kind.POSTGRESQL, "ironzon", """
                        request-types:
                          access: {action: export, categories: [user]}
                        """)
            .configure(b -> b
                    .bean("clock", CLOCK)
                    .property("dsr.reply.package-link-days", "3"));

    @Test
    void anExpiredLinkIsRefusedWithAClearPage() throws Exception {
        String id = hub.requests().submitVerified("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        hub.requests().awaitStatus(id, RequestStatus.COMPLETED);
        String body = ReplyMails.text(ReplyMails.await(hub.mail(), "pat@example.com", "complete"));
        String link = ReplyMails.link(body);
        assertThat(body).contains("until March 5, 2026");

        CLOCK.advance(Duration.ofDays(3).minusMinutes(5));
        assertThat(ReplyMails.download(link).statusCode()).isEqualTo(200);

        CLOCK.advance(Duration.ofMinutes(10));
        HttpResponse<byte[]> expired = ReplyMails.download(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        String page = new String(expired.body(), java.nio.charset.StandardCharsets.UTF_8);
        String reference = hub.requests().request(id).reference();
        assertThat(page).contains("This download link has expired").contains(reference)
                .contains("support@ironzon.com");
        assertThat(hub.rows().rows("SELECT action FROM audit_event WHERE request_id = ? AND action LIKE 'PACKAGE_%' "
                + "ORDER BY seq", id)).extracting(r -> r.get("action"))
                .containsExactly("PACKAGE_DOWNLOADED", "PACKAGE_LINK_EXPIRED");

        String status = hub.http().get("/status/" + id + "?token=" + hub.bean(StatusTokens.class).issue(id)).body();
        assertThat(status).contains("has expired").doesNotContain(link);

        String madeUp = link.substring(0, link.lastIndexOf('/') + 1) + "A".repeat(43);
        assertThat(ReplyMails.download(madeUp).statusCode()).isEqualTo(404);
    }
}
