package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The code mail is written in the language the subject used, where the controller answers in it: Finnish for
 * iSocket, Chinese for iSmartHomeQ; the code in it confirms the request like the English one does.
 */
class VerificationMailLanguageTest {

    private static final Pattern CODE = Pattern.compile("[0-9]{4}-[0-9]{4}");

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL);

    @Test
    void aFinnishRequestGetsAFinnishCodeMailWhoseCodeConfirms() throws Exception {
        Submitted request = submit("""
                {"controller": "isocket", "types": ["erasure"], "language": "fi",
                 "identities": [{"type": "email", "value": "aino.kieli@example.fi"}]}""");
        MimeMessage mail = awaitMail("aino.kieli@example.fi", "Vahvista tietosuojapyyntösi");
        String text = VerificationMailbox.text(mail);
        assertThat(text).startsWith("Hei,").contains("Vahvistuskoodisi on: ").contains("voimassa 24 tuntia")
                .doesNotContain("Your confirmation code");

        HttpResponse<String> answer = hub.http().postForm("/verify/" + request.id(),
                List.of(Map.entry("code", code(text)), Map.entry("token", request.statusToken())));
        assertThat(answer.statusCode()).isEqualTo(200);
        new TestRequests(hub.instance()).awaitStatus(request.id(), RequestStatus.VERIFIED);
    }

    @Test
    void aChineseRequestGetsAChineseCodeMail() throws Exception {
        submit("""
                {"controller": "ismarthomeq", "types": ["erasure"], "language": "zh",
                 "identities": [{"type": "email", "value": "li.yuyan@example.cn"}]}""");
        MimeMessage mail = awaitMail("li.yuyan@example.cn", "请确认您向");
        String text = VerificationMailbox.text(mail);
        assertThat(text).contains("您的确认码是：").contains("有效期为 24 小时");
        assertThat(CODE.matcher(text).find()).isTrue();
    }

    private static Submitted submit(String json) throws Exception {
        HttpResponse<String> response = hub.http().postJson("/api/v1/requests", json);
        assertThat(response.statusCode()).isEqualTo(201);
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        return new Submitted(body.get("id").asText(), body.get("statusToken").asText());
    }

    private static MimeMessage awaitMail(String address, String subject) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> hub.mail().messagesTo(address).stream()
                        .anyMatch(m -> VerificationMailbox.subject(m).contains(subject)));
        return hub.mail().messagesTo(address).stream().filter(m -> VerificationMailbox.subject(m).contains(subject))
                .findFirst().orElseThrow();
    }

    private static String code(String text) {
        Matcher m = CODE.matcher(text);
        assertThat(m.find()).as("a code in the mail").isTrue();
        return m.group();
    }

    private record Submitted(String id, String statusToken) {
    }
}
