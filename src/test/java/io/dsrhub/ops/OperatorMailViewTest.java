package io.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.RawSmtp;
import io.dsrhub.testing.SeedMailboxes;
import io.dsrhub.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An operator sees the mail a request came with, how the hub read it, and the attachments kept as evidence. */
class OperatorMailViewTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
            .configure((b, mail) -> SeedMailboxes.on(mail, b));

    private static final String MESSAGE = """
            From: Agent Smith <agent@lawfirm.example>
            To: support@ironzon.com
            Subject: Access request for my client
            Message-ID: <operator-view-1@lawfirm.example>
            Date: Mon, 3 Mar 2025 10:00:00 +0000
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            I am an authorised agent acting on behalf of my client. Please send us a copy of all personal data you
            hold about her (client@example.com). The signed authorisation letter is attached.
            --b1
            Content-Type: text/plain; name="authorisation.txt"
            Content-Disposition: attachment; filename="authorisation.txt"

            I authorise Agent Smith to request my data. Signed, the client.
            --b1--
            """;

    @Test
    void theRequestDetailShowsTheInboundMessageAndItsEvidence() throws Exception {
        RawSmtp.send(hub.mail().smtpPort(), "agent@lawfirm.example", SeedMailboxes.IRONZON,
                MESSAGE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> hub.rows().count("subject_request") == 1);
        String id = (String) hub.rows().rows("SELECT id FROM subject_request").get(0).get("id");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> hub.rows().rows(
                "SELECT 1 FROM inbound_attachment WHERE status = 'STORED'").size() == 1);
        JsonNode detail = new ObjectMapper().readTree(hub.http().admin("/api/v1/admin/requests/" + id).body());
        JsonNode inbound = detail.get("inbound");
        assertThat(inbound).hasSize(1);
        assertThat(inbound.get(0).get("messageId").asText()).isEqualTo("<operator-view-1@lawfirm.example>");
        assertThat(inbound.get(0).get("outcome").asText()).isEqualTo("NEW_REQUEST");
        assertThat(inbound.get(0).get("from").asText()).isEqualTo("agent@lawfirm.example");
        assertThat(inbound.get(0).get("classification").asText()).contains("requester=agent");
        JsonNode attachment = inbound.get(0).get("attachments").get(0);
        assertThat(attachment.get("fileName").asText()).isEqualTo("authorisation.txt");
        assertThat(attachment.get("status").asText()).isEqualTo("STORED");
        assertThat(attachment.get("sha256").asText()).hasSize(64);
    }
}
