package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With dsr.reply.encrypt-packages the package is an AES-encrypted zip and its password comes in a second mail of its
 * own (the reply with the link never holds it, the password mail never holds the link): with the password the
 * package opens and holds the subject's rows; without it, it does not open.
 */
class EncryptedPackageTest {

    private static final Pattern PASSWORD = Pattern.compile("\n    ([A-Za-z0-9]{20})\n");
    private static TestDatabase ledger;
    private static TestDatabase shop;
    private static TestMailServer mail;
    private static HubInstance hub;

    @BeforeAll
    static void start() throws Exception {
        shop = TestDatabase.postgresql();
        ReplyShop.load(shop);
        ledger = TestDatabase.h2();
        mail = new TestMailServer();
        hub = ReplyShop.fulfilment(shop, "ironzon", """
                        request-types:
                          access: {action: export, categories: [user]}
                        """)
                .applyTo(HubInstance.builder().database(ledger).mail(mail)
                        .property("dsr.reply.encrypt-packages", "true")
                        .property("dsr.outbox.poll-delay", "100")
                        .property("dsr.fulfilment.plan-delay", "100")
                        .property("dsr.fulfilment.announce-delay", "100")
                        .property("dsr.tasks.poll-delay", "100")).start();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        mail.close();
        shop.close();
        ledger.close();
    }

    @Test
    void thePackageOpensOnlyWithThePasswordSentSeparately() throws Exception {
        TestRequests requests = new TestRequests(hub);
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["access"],
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);
        String reply = ReplyMails.text(ReplyMails.await(mail, "pat@example.com", "Your privacy request is complete"));
        String secret = ReplyMails.text(ReplyMails.await(mail, "pat@example.com", "Password for your data package"));

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
