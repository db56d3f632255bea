package io.dsrhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.RawSmtp;
import io.dsrhub.testing.SeedMailboxes;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The codes and links of verification are never written in clear: after codes were sent, typed wrong, replied by
 * mail and followed by link, no table of the ledger (outbox and inbound mail included) and no log line holds a code
 * or a link token; the code mails that reached the subject did hold them.
 */
class CodesNeverInClearTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
            .configure((b, mail) -> SeedMailboxes.on(mail, b).property("dsr.mailbox.poll-delay", "300"));

    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @BeforeAll
    static void captureLogs() {
        LOGS.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
    }

    @AfterAll
    static void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
    }

    @Test
    void noCodeOrLinkTokenIsInTheLedgerOrTheLogs() throws Exception {
        TestRequests requests = new TestRequests(hub.instance());
        VerificationMailbox mailbox = new VerificationMailbox(hub.mail());
        List<String> secrets = new ArrayList<>();

        String byReply = requests.submit("""
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "sam@example.com"}]}""");
        MimeMessage first = mailbox.await("sam@example.com", 1).get(0);
        String code = VerificationMailbox.code(first);
        secrets.add(code);
        secrets.add(code.replace("-", ""));
        secrets.add(VerificationMailbox.linkToken(first));
        String statusToken = hub.bean(io.dsrhub.security.StatusTokens.class).issue(byReply);
        String wrong = code.equals("1111-2222") ? "3333-4444" : "1111-2222";
        assertThat(hub.http().postForm("/verify/" + byReply, List.of(Map.entry("code", wrong),
                Map.entry("token", statusToken))).statusCode()).isEqualTo(400);
        String eml = "From: sam@example.com\nTo: " + SeedMailboxes.IRONZON + "\nSubject: Re: "
                + VerificationMailbox.subject(first) + "\nMessage-ID: <sam-code@example.com>\nIn-Reply-To: "
                + first.getMessageID() + "\nDate: Mon, 3 Mar 2025 10:00:00 +0000\n"
                + "Content-Type: text/plain; charset=utf-8\n\nThe code is " + code + "\n";
        RawSmtp.send(hub.mail().smtpPort(), "sam@example.com", SeedMailboxes.IRONZON,
                eml.getBytes(StandardCharsets.UTF_8));
        requests.awaitStatus(byReply, RequestStatus.VERIFIED, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED,
                RequestStatus.PARTIALLY_COMPLETED);

        String byLink = requests.submit("""
                {"controller": "isocket", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "aino.virtanen@example.fi"}]}""");
        MimeMessage second = mailbox.await("aino.virtanen@example.fi", 1).get(0);
        secrets.add(VerificationMailbox.code(second));
        secrets.add(VerificationMailbox.code(second).replace("-", ""));
        secrets.add(VerificationMailbox.linkToken(second));
        assertThat(hub.http().get(VerificationMailbox.linkPath(second)).statusCode()).isEqualTo(200);
        assertThat(hub.http().postForm("/verify/" + byLink,
                List.of(Map.entry("t", VerificationMailbox.linkToken(second)))).statusCode()).isEqualTo(200);
        requests.awaitStatus(byLink, RequestStatus.VERIFIED, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED,
                RequestStatus.PARTIALLY_COMPLETED);

        List<String> tables = hub.rows().rows("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema() AND table_type = 'BASE TABLE'").stream()
                .map(r -> (String) r.get("table_name")).toList();
        assertThat(tables).contains("outbound_message", "inbound_message", "audit_event", "verification_challenge");
        int cells = 0;
        for (String table : tables) {
            for (Map<String, Object> row : hub.rows().rows("SELECT * FROM " + table)) {
                for (Map.Entry<String, Object> cell : row.entrySet()) {
                    String value = String.valueOf(cell.getValue());
                    cells++;
                    for (String secret : secrets) {
                        assertThat(value).as(table + "." + cell.getKey()).doesNotContain(secret);
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(100);
        assertThat(hub.rows().rows("SELECT body FROM outbound_message WHERE kind = 'VERIFICATION_CODE'"))
                .allMatch(r -> ((String) r.get("body")).contains("[[verification-code:"));

        List<ILoggingEvent> events = List.copyOf(LOGS.list);
        assertThat(events).isNotEmpty();
        for (ILoggingEvent event : events) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(' ').append(t.getMessage());
            }
            for (String secret : secrets) {
                assertThat(text.toString()).as(event.getLoggerName()).doesNotContain(secret);
            }
        }
    }
}
