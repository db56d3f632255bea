package io.dsrhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.testing.FreePorts;
import io.dsrhub.testing.HubInstance;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With nothing configured the hub runs on its own: an H2 ledger file under the data directory, a generated admin
 * token in data/admin-token, and an embedded mail server whose IMAP mailbox shows the acknowledgement.
 */
class EmbeddedProfileTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewcomerCanSubmitARequestAndReadTheAcknowledgementOverImap() throws Exception {
        int smtp = FreePorts.next();
        int imap = FreePorts.next();
        String id;
        try (HubInstance hub = HubInstance.builder().dataDir(dataDir)
                .property("dsr.admin.token", "").property("dsr.security.token-secret", "")
                .property("dsr.embedded.smtp-port", Integer.toString(smtp))
                .property("dsr.embedded.imap-port", Integer.toString(imap)).start()) {
            id = new ObjectMapper().readTree(hub.http().postJson("/api/v1/requests", """
                    {"controller": "ikotek", "types": ["access"], "identities": [{"type": "email", "value": "newcomer@example.com"}]}""")
                    .body()).get("id").asText();

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> inbox(imap, "newcomer@example.com") > 0);
            assertThat(subjectOfFirst(imap, "newcomer@example.com")).contains("Ikotek");

            String token = Files.readString(dataDir.resolve("admin-token")).strip();
            assertThat(token).hasSizeGreaterThanOrEqualTo(32);
            assertThat(hub.http().get("/api/v1/admin/requests/" + id, "Authorization", "Bearer " + token).statusCode())
                    .isEqualTo(200);
            assertThat(Files.exists(dataDir.resolve("ledger.mv.db"))).isTrue();
        }

        try (HubInstance again = HubInstance.builder().dataDir(dataDir)
                .property("dsr.admin.token", "").property("dsr.security.token-secret", "").start()) {
            String token = Files.readString(dataDir.resolve("admin-token")).strip();
            assertThat(again.http().get("/api/v1/admin/requests/" + id, "Authorization", "Bearer " + token)
                    .statusCode()).as("the ledger and the token survive a restart").isEqualTo(200);
        }
    }

    private static Store open(int imapPort, String address) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(imapPort));
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(address, address);
        return store;
    }

    private static int inbox(int imapPort, String address) {
        try (Store store = open(imapPort, address)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            return inbox.getMessageCount();
        } catch (Exception notYet) {
            return 0;
        }
    }

    private static String subjectOfFirst(int imapPort, String address) throws Exception {
        try (Store store = open(imapPort, address)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message first = inbox.getMessage(1);
            return first.getSubject();
        }
    }
}
