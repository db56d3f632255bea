package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Before verification, nothing a requester sees tells whether the controller has an account for the address: the
 * API answer, the status answer, the acknowledgement and the code mail are byte-identical for an address on file
 * and one that is not, apart from the reference, the request id and the tokens and code (random per request).
 * (Timing cannot tell either: the account lookup runs after the answer, in the verify-new-requests route.)
 */
class NoAccountEnumerationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** a still clock, so that both requests have the same dates */
    static final io.dsrhub.testing.MutableClock CLOCK =
            new io.dsrhub.testing.MutableClock(java.time.Instant.parse("2026-05-04T07:30:00Z"));

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
            .configure(b -> b.bean("clock", CLOCK));

    @Test
    void aKnownAndAnUnknownAddressGetTheSameReplies() throws Exception {
        Seen known = submit("li.wei@example.cn");
        Seen unknown = submit("no.account@example.cn");

        assertThat(hub.rows().rows("SELECT on_file FROM request_verification WHERE request_id IN (?, ?) ORDER BY "
                + "on_file", known.id(), unknown.id())).extracting(r -> r.get("on_file")).containsExactly(false, true);
        assertThat(unknown.apiAnswer()).isEqualTo(known.apiAnswer());
        assertThat(unknown.statusAnswer()).isEqualTo(known.statusAnswer());
        assertThat(unknown.mails()).hasSize(2).isEqualTo(known.mails());
    }

    private record Seen(String id, String apiAnswer, String statusAnswer, List<String> mails) {
    }

    private static Seen submit(String email) throws Exception {
        HttpResponse<String> answer = hub.http().postJson("/api/v1/requests", """
                {"controller": "iid2secure", "types": ["erasure"], "identities": [{"type": "email", "value": "%s"}]}"""
                .formatted(email));
        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(answer.body());
        String id = body.get("id").asText();
        String reference = body.get("reference").asText();
        String token = body.get("statusToken").asText();
        TestRequests requests = new TestRequests(hub.instance());
        requests.awaitStatus(id, RequestStatus.AWAITING_VERIFICATION);
        MimeMessage code = new VerificationMailbox(hub.mail()).await(email, 1).get(0);
        Awaitility.await().until(() -> hub.mail().messagesTo(email).size() >= 2);
        String status = hub.http().get("/api/v1/requests/" + id, "X-Status-Token", token).body();
        List<String> mails = hub.mail().messagesTo(email).stream()
                .map(m -> VerificationMailbox.subject(m) + "\n" + VerificationMailbox.text(m)).sorted().toList();
        String secretCode = VerificationMailbox.code(code);
        String linkToken = VerificationMailbox.linkToken(code);
        return new Seen(id, mask(answer.body(), id, reference, token, secretCode, linkToken),
                mask(status, id, reference, token, secretCode, linkToken),
                mails.stream().map(m -> mask(m, id, reference, token, secretCode, linkToken)).toList());
    }

    private static String mask(String text, String id, String reference, String token, String code, String link) {
        return text.replace(id, "<id>").replace(reference, "<reference>").replace(token, "<token>")
                .replace(code, "<code>").replace(link, "<link>");
    }
}
