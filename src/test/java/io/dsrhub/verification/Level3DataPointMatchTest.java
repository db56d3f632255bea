package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * IID2SECURE holds camera video, so a copy of the data (access) needs level 3: the code, plus a device serial or order
 * number that the seeded account database (demo system iid2secure-accounts) ties to the account on file. A serial of
 * someone else's camera, or none at all, sends the request to an operator review instead.
 */
class Level3DataPointMatchTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL);

    @Test
    void aSerialOfTheSubjectsOwnCameraCompletesLevel3() {
        String id = submitAndConfirm("""
                {"controller": "iid2secure", "types": ["access"],
                 "identities": [{"type": "email", "value": "li.wei@example.cn"},
                                {"type": "device-serial", "value": "IID-CAM-5501"}]}""", "li.wei@example.cn");

        new TestRequests(hub.instance()).awaitStatus(id, RequestStatus.VERIFIED, RequestStatus.IN_PROGRESS,
                RequestStatus.COMPLETED, RequestStatus.PARTIALLY_COMPLETED);
        assertThat(verifiedReason(id)).isEqualTo("level 3: code confirmed and device-serial matched in "
                + "iid2secure-accounts");
        assertThat(hub.rows().rows("SELECT level, on_file, account_ref FROM request_verification WHERE request_id = ?",
                id)).containsExactly(Map.of("level", 3, "on_file", true, "account_ref", "IID-100234"));
    }

    @Test
    void aSerialOfAnotherAccountGoesToAnOperatorReview() {
        String id = submitAndConfirm("""
                {"controller": "iid2secure", "types": ["access"],
                 "identities": [{"type": "email", "value": "li.wei@example.cn"},
                                {"type": "device-serial", "value": "IID-CAM-6610"}]}""", "li.wei@example.cn");

        assertThat(new TestRequests(hub.instance()).request(id).status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
        assertThat(reasonTo(id, "AWAITING_APPROVAL")).contains("no data point given matched the account");
    }

    @Test
    void level3WithoutADataPointGoesToAnOperatorReviewButLevel2DoesNot() {
        String access = submitAndConfirm("""
                {"controller": "iid2secure", "types": ["access"],
                 "identities": [{"type": "email", "value": "zhang.min@example.cn"}]}""", "zhang.min@example.cn");
        assertThat(new TestRequests(hub.instance()).request(access).status())
                .isEqualTo(RequestStatus.AWAITING_APPROVAL);
        assertThat(reasonTo(access, "AWAITING_APPROVAL")).contains("no data point (device-serial, order-number)");

        String erasure = submitAndConfirm("""
                {"controller": "iid2secure", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "zhang.min@example.cn"}]}""", "zhang.min@example.cn");
        new TestRequests(hub.instance()).awaitStatus(erasure, RequestStatus.VERIFIED, RequestStatus.IN_PROGRESS,
                RequestStatus.COMPLETED, RequestStatus.PARTIALLY_COMPLETED);
        assertThat(verifiedReason(erasure)).isEqualTo("level 2: code confirmed");
    }

    private static String submitAndConfirm(String json, String email) {
        TestRequests requests = new TestRequests(hub.instance());
        int before = new VerificationMailbox(hub.mail()).codeMails(email).size();
        String id = requests.submit(json);
        requests.awaitStatus(id, RequestStatus.AWAITING_VERIFICATION);
        MimeMessage mail = new VerificationMailbox(hub.mail()).await(email, before + 1).get(before);
        assertThat(VerificationMailbox.subject(mail)).contains(requests.request(id).reference());
        assertThat(hub.http().postForm("/verify/" + id, List.of(Map.entry("t", VerificationMailbox.linkToken(mail))))
                .statusCode()).isEqualTo(200);
        return id;
    }

    private static String verifiedReason(String id) {
        return reasonTo(id, "VERIFIED");
    }

    private static String reasonTo(String id, String status) {
        return (String) hub.rows().rows("SELECT detail FROM audit_event WHERE request_id = ? AND to_status = ?", id,
                status).get(0).get("detail");
    }
}
