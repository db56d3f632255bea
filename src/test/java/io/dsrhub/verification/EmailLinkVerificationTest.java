package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A new request is challenged by itself: it moves to AWAITING_VERIFICATION and a code mail with a link goes to the
 * address on file. Opening the link changes nothing until the subject presses Confirm; then the request is VERIFIED
 * (the deadline engine records when), and the link does not work a second time.
 */
class EmailLinkVerificationTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL);

    @Test
    void theLinkInTheCodeMailVerifiesTheRequestOnceConfirmed() {
        TestRequests requests = new TestRequests(hub.instance());
        String id = requests.submit("""
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "sam@example.com"}]}""");
        requests.awaitStatus(id, RequestStatus.AWAITING_VERIFICATION);
        MimeMessage mail = new VerificationMailbox(hub.mail()).await("sam@example.com", 1).get(0);
        String reference = requests.request(id).reference();
        assertThat(VerificationMailbox.subject(mail)).startsWith("[" + reference + "]");
        assertThat(VerificationMailbox.linkPath(mail)).startsWith("/verify/" + id + "?t=");

        HttpResponse<String> page = hub.http().get(VerificationMailbox.linkPath(mail));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm").contains("name=\"t\"");
        assertThat(requests.request(id).status()).isEqualTo(RequestStatus.AWAITING_VERIFICATION);

        HttpResponse<String> confirmed = hub.http().postForm("/verify/" + id,
                List.of(Map.entry("t", VerificationMailbox.linkToken(mail))));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your request is confirmed");
        assertThat(hub.rows().rows("SELECT to_status, actor FROM audit_event WHERE request_id = ? AND to_status = "
                + "'VERIFIED'", id)).extracting(r -> r.get("actor")).containsExactly("verification");
        assertThat(hub.rows().rows("SELECT verified_at FROM request_clock WHERE request_id = ?", id).get(0)
                .get("verified_at")).isNotNull();
        Map<String, Object> record = hub.rows().rows("SELECT * FROM request_verification WHERE request_id = ?", id)
                .get(0);
        assertThat(record.get("level")).isEqualTo(2);
        assertThat(record.get("on_file")).isEqualTo(true);
        assertThat(record.get("completed_at")).isNotNull();

        HttpResponse<String> again = hub.http().postForm("/verify/" + id,
                List.of(Map.entry("t", VerificationMailbox.linkToken(mail))));
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void aWrongLinkShowsNothingToConfirm() {
        TestRequests requests = new TestRequests(hub.instance());
        String id = requests.submit("""
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "link-stranger@example.org"}]}""");
        requests.awaitStatus(id, RequestStatus.AWAITING_VERIFICATION);

        HttpResponse<String> page = hub.http().get("/verify/" + id + "?t=not-the-token");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("name=\"t\"");
        assertThat(requests.request(id).status()).isEqualTo(RequestStatus.AWAITING_VERIFICATION);
    }
}
