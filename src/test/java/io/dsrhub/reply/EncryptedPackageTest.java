package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With dsr.reply.encrypt-packages the package is an AES-encrypted zip and its password comes in a second mail of its
 * own (the reply with the link never holds it, the password mail never holds the link): with the password the
 * package opens and holds the subject's rows; without it, it does not open.
 */
class EncryptedPackageTest {

    private static final Pattern PASSWORD = Pattern.compile("\n    ([A-Za-z0-9]{20})\n");

    @RegisterExtension
    static final ReplyHub hub = ReplyHub.on(TestDatabase.Kind.H2, "ironzon", """
                        request-types:
                          access: {action: export, categories: [user]}
                        """)
            .configure(b -> b
                    .property("dsr.reply.encrypt-packages", "true"));

    @Test
    void thePackageOpensOnlyWithThePasswordSentSeparately() throws Exception {
        TestRequests requests = hub.requests();
        String id = hub.requests().submitVerified("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        hub.requests().awaitStatus(id, RequestStatus.COMPLETED);
        String reply = ReplyMails.text(ReplyMails.await(hub.mail(), "pat@example.com", "Your privacy request is complete"));
        String secret = ReplyMails.text(ReplyMails.await(hub.mail(), "pat@example.com", "Password for your data package"));

        Matcher found = PASSWORD.matcher(secret);
        assertThat(found.find()).as("a password in:\n" + secret).isTrue();
        String password = found.group(1);
        assertThat(reply).contains("The zip file is encrypted").doesNotContain(password);
        assertThat(secret).doesNotContain("/packages/");

        byte[] zip = ReplyMails.download(ReplyMails.link(reply)).body();
        Map<String, String> entries = ReplyMails.unzip(zip, password.toCharArray());
        assertThat(ReplyMails.lines(entries.get("csv/web-shop/customer.csv"))).containsExactly(
                "email,full_name,phone", "pat@example.com,Pat Example,+358401234567");
        assertThatThrownBy(() -> ReplyMails.unzip(zip, "wrong-password-00000".toCharArray()))
                .isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> ReplyMails.unzip(zip, null)).isInstanceOf(java.io.IOException.class);
    }
}
