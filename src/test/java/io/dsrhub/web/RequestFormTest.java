package io.dsrhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request form works without JavaScript: it posts, names each bad field, escapes what it echoes. */
class RequestFormTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL);

    private static final Pattern TOKEN = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");

    private static String tokenOf(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("the form carries a token").isTrue();
        return m.group(1);
    }

    private static List<Map.Entry<String, String>> fields(String... pairs) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return fields;
    }

    @Test
    void theIndexLinksEveryControllersForm() {
        HttpResponse<String> index = hub.http().get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("/forms/ironzon", "/forms/iid2secure", "/forms/ismarthomeq",
                "/forms/isocket", "/forms/ikotek");
    }

    @Test
    void theFormOffersTheControllersRequestTypesAndPostsWithoutJavaScript() {
        HttpResponse<String> page = hub.http().get("/forms/isocket");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/forms/isocket\"")
                .contains("value=\"access\"").contains("value=\"objection\"")
                .contains("name=\"acting_for\" value=\"agent\"")
                .doesNotContain("<script");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'none'");
    }

    @Test
    void theFormSpeaksTheLanguageAskedFor() {
        assertThat(hub.http().get("/forms/iid2secure?lang=zh").body()).contains("向IID2SECURE提交个人信息请求");
        assertThat(hub.http().get("/forms/iid2secure", "Accept-Language", "zh-CN,zh;q=0.9").body())
                .contains("<html lang=\"zh\">");
        assertThat(hub.http().get("/forms/isocket?lang=fi").body()).contains("Tietosuojapyyntö");
    }

    @Test
    void aPostedFormBecomesARequestAndIsAcknowledged() throws Exception {
        String token = tokenOf(hub.http().get("/forms/ironzon").body());
        HttpResponse<String> sent = hub.http().postForm("/forms/ironzon", fields("form_token", token, "lang", "en",
                "types", "access", "types", "erasure", "acting_for", "self", "name", "Maria García",
                "email", "maria@example.es", "country", "ES", "device_serial", "IZ-LK-77812", "details", "Old lock"));

        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(sent.body()).contains("Request received").containsPattern("DSR-[0-9A-Z]{4}-[0-9A-Z]{4}");
        List<Map<String, Object>> saved = hub.rows().rows("SELECT id, channel, requester_name FROM subject_request "
                + "WHERE reply_to = 'maria@example.es'");
        assertThat(saved).singleElement().satisfies(r -> {
            assertThat(r.get("channel")).isEqualTo("WEB_FORM");
            assertThat(r.get("requester_name")).isEqualTo("Maria García");
        });
        assertThat(hub.rows().rows("SELECT identity_type FROM request_identity WHERE request_id = ? ORDER BY identity_type",
                saved.get(0).get("id"))).extracting(r -> r.get("identity_type"))
                .containsExactly("DEVICE_SERIAL", "EMAIL", "NAME");
        assertThat(hub.mail().awaitMessagesTo("maria@example.es", 1).get(0).getSubject()).contains("IRONZON");

        HttpResponse<String> resent = hub.http().postForm("/forms/ironzon", fields("form_token", token, "lang", "en",
                "types", "access", "acting_for", "self", "name", "Maria García", "email", "maria@example.es",
                "country", "ES"));
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(hub.rows().rows("SELECT id FROM subject_request WHERE reply_to = 'maria@example.es'")).hasSize(1);
    }

    @Test
    void anAgentNamesThePersonTheRequestIsAbout() {
        String token = tokenOf(hub.http().get("/forms/isocket").body());
        HttpResponse<String> sent = hub.http().postForm("/forms/isocket", fields("form_token", token, "lang", "en",
                "types", "access", "acting_for", "agent", "name", "Law Firm Oy", "email", "agent@lawfirm.example",
                "subject_name", "Matti Meikäläinen", "subject_email", "matti@example.fi", "country", "FI"));
        assertThat(sent.statusCode()).isEqualTo(201);
        List<Map<String, Object>> saved = hub.rows().rows("SELECT id, requester_kind, reply_to FROM subject_request "
                + "WHERE requester_email = 'agent@lawfirm.example'");
        assertThat(saved).singleElement().satisfies(r -> {
            assertThat(r.get("requester_kind")).isEqualTo("AGENT");
            assertThat(r.get("reply_to")).isEqualTo("agent@lawfirm.example");
        });
        assertThat(hub.rows().rows("SELECT identity_value FROM request_identity WHERE request_id = ? AND identity_type = 'EMAIL'",
                saved.get(0).get("id"))).extracting(r -> r.get("identity_value")).containsExactly("matti@example.fi");
    }

    @Test
    void badFieldsAreNamedAndWhatIsEchoedIsEscaped() {
        long before = hub.rows().count("subject_request");
        String token = tokenOf(hub.http().get("/forms/ironzon").body());
        HttpResponse<String> sent = hub.http().postForm("/forms/ironzon", fields("form_token", token, "lang", "en",
                "types", "teleport", "acting_for", "self", "name", "<script>alert(1)</script>",
                "email", "not-an-address", "country", "XX"));

        assertThat(sent.statusCode()).isEqualTo(400);
        assertThat(sent.body()).contains("id=\"types-error\"", "id=\"name-error\"", "id=\"email-error\"",
                "id=\"country-error\"")
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .doesNotContain("<script>alert(1)</script>")
                .contains("name=\"form_token\" value=\"" + token + "\"");
        assertThat(hub.rows().count("subject_request")).isEqualTo(before);
    }

    @Test
    void anUnknownControllersFormIsNotFound() {
        HttpResponse<String> page = hub.http().get("/forms/nobody");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("does not exist");
    }
}
