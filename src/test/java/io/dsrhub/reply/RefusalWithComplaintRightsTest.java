package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operator refuses a request through the operator API with a ground and a note. The subject gets a reasoned
 * refusal in the request's thread: the ground in plain words, the note, and the right to complain to the supervisory
 * authority of the request's regime (GDPR: the national authority of the request's jurisdiction, a supervisory authority and a court; CCPA: the California Privacy
 * Protection Agency, no court sentence). A ground the law and the controller's policy do not give, a missing note,
 * a missing token and a request already closed are refused with a clear answer.
 */
class RefusalWithComplaintRightsTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
            .configure(b -> b.property("dsr.outbox.poll-delay", "100"));

    private static final String BEARER = "Bearer " + HubInstance.ADMIN_TOKEN;

    @Test
    void aGdprRefusalNamesTheGroundTheAuthorityAndTheCourt() {
        TestRequests requests = new TestRequests(hub.instance());
        String id = requests.submit("""
                {"controller": "isocket", "types": ["access"], "jurisdiction": "FI", "language": "en",
                 "identities": [{"type": "email", "value": "kim@example.fi"}]}""");

        HttpResponse<String> answer = refuse(id, "manifestly-unfounded",
                "You asked for the same copy every day this month; we sent it on 2 March.");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"REJECTED\"").contains("\"ground\":\"manifestly-unfounded\"");
        assertThat(requests.request(id).status()).isEqualTo(RequestStatus.REJECTED);

        String body = ReplyMails.text(ReplyMails.await(hub.mail(), "kim@example.fi", "our decision"));
        assertThat(body).contains("we cannot carry it out")
                .contains("Reason: the request is manifestly unfounded")
                .contains("You asked for the same copy every day this month; we sent it on 2 March.")
                .contains("you have the right to lodge a complaint with the Office of the Data Protection Ombudsman "
                        + "(Tietosuojavaltuutetun toimisto, tietosuoja.fi)")
                .contains("You also have the right to seek a judicial remedy before a court.")
                .doesNotContain("/packages/");
        assertThat(hub.rows().rows("SELECT actor, detail FROM audit_event WHERE request_id = ? AND action = "
                + "'REQUEST_REFUSED'", id)).singleElement().satisfies(r -> {
                    assertThat(r.get("actor")).isEqualTo("operator:Ana");
                    assertThat((String) r.get("detail")).isEqualTo("ground=manifestly-unfounded");
                });

        HttpResponse<String> again = refuse(id, "repetitive", "again");
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void aCcpaRefusalNamesTheCaliforniaAgency() {
        TestRequests requests = new TestRequests(hub.instance());
        String id = requests.submit("""
                {"controller": "ikotek", "types": ["erasure"], "jurisdiction": "US-CA", "language": "en",
                 "identities": [{"type": "email", "value": "jo@example.com"}]}""");

        assertThat(refuse(id, "identity-not-verified", "The code we sent was never entered.").statusCode())
                .isEqualTo(200);

        String body = ReplyMails.text(ReplyMails.await(hub.mail(), "jo@example.com", "our decision"));
        assertThat(body).contains("Reason: we could not verify that the request comes from the person the data is "
                        + "about")
                .contains("The code we sent was never entered.")
                .contains("you have the right to lodge a complaint with the California Privacy Protection Agency")
                .doesNotContain("judicial remedy");
    }

    @Test
    void badRefusalsAreAnsweredClearly() {
        TestRequests requests = new TestRequests(hub.instance());
        String id = requests.submit("""
                {"controller": "isocket", "types": ["erasure"], "jurisdiction": "FI",
                 "identities": [{"type": "email", "value": "lee@example.fi"}]}""");

        HttpResponse<String> unknownGround = refuse(id, "because-we-can", "no");
        assertThat(unknownGround.statusCode()).isEqualTo(400);
        assertThat(unknownGround.body()).contains("\"ground\"").contains("legal-obligation")
                .contains("others-privacy");
        HttpResponse<String> noNote = refuse(id, "legal-obligation", " ");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("\"note\"");
        assertThat(hub.http().postJson("/api/v1/admin/requests/" + id + "/refuse",
                "{\"ground\": \"legal-obligation\", \"note\": \"x\"}").statusCode()).isEqualTo(401);
        assertThat(new TestRequests(hub.instance()).request(id).status()).isNotEqualTo(RequestStatus.REJECTED);
        assertThat(refuse("no-such-request", "legal-obligation", "x").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> refuse(String id, String ground, String note) {
        return hub.http().postJson("/api/v1/admin/requests/" + id + "/refuse",
                "{\"ground\": \"" + ground + "\", \"note\": \"" + note + "\"}",
                "Authorization", BEARER, "X-Operator", "Ana");
    }
}
