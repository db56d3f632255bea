package io.dsrhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.opendsr.SigningKeys;
import io.dsrhub.testing.FreePorts;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production profile starts no embedded server and refuses to start while a setting is missing. */
class ProductionProfileTest {

    @TempDir
    Path dataDir;

    @Test
    void aMissingSettingStopsStartUpNamingTheKeyAndTheVariable() {
        assertThatThrownBy(() -> HubInstance.builder().dataDir(dataDir).property("dsr.profile", "production").start())
                .hasStackTraceContaining("key 'dsr.ledger.jdbc-url' is empty")
                .hasStackTraceContaining("DSR_LEDGER_JDBC_URL");
    }

    @Test
    void withEverySettingGivenNoEmbeddedServerStarts() throws Exception {
        int smtp = FreePorts.next();
        int imap = FreePorts.next();
        int s3 = FreePorts.next();
        SigningKeys keys = SigningKeys.selfSigned(dataDir.resolve("keys"), "dsr.example");
        try (TestDatabase database = TestDatabase.postgresql(); TestMailServer mail = new TestMailServer();
                HubInstance hub = HubInstance.builder().dataDir(dataDir).database(database).mail(mail)
                        .property("dsr.profile", "production")
                        .property("dsr.fulfilment.dir", Files.createDirectories(dataDir.resolve("systems")).toString())
                        .property("dsr.fulfilment.hash-key", "a-hash-key-from-the-environment-0123456789")
                        .property("dsr.s3.endpoint", "http://127.0.0.1:" + FreePorts.next())
                        .property("dsr.s3.access-key", "key").property("dsr.s3.secret-key", "secret")
                        .property("dsr.opendsr.private-key", pem(keys.privateKey()))
                        .property("dsr.opendsr.certificate", pem(keys.certificate()))
                        .property("dsr.embedded.smtp-port", Integer.toString(smtp))
                        .property("dsr.embedded.imap-port", Integer.toString(imap))
                        .property("dsr.embedded.s3-port", Integer.toString(s3)).start()) {
            assertThat(hub.http().get("/observe/health").statusCode()).isEqualTo(200);
            assertThat(listening(smtp)).isFalse();
            assertThat(listening(imap)).isFalse();
            assertThat(listening(s3)).isFalse();
            assertThat(hub.context().getRegistry().lookupByName("embeddedMailServer")).isNull();
            assertThat(Files.exists(dataDir.resolve("admin-token"))).isFalse();
            assertThat(hub.http().get("/v1/discovery").statusCode()).isEqualTo(200);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
