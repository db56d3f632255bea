package io.dsrhub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.freetext.PhraseBook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Machine mail is told from a person's: every rule, and a person's mail that only looks alarming. */
class AutomatedMailTest {

    private static AutomatedMail automated;
    private static final MailParser PARSER = new MailParser(1024);

    @BeforeAll
    static void load() {
        automated = new AutomatedMail(PhraseBook.load(Path.of("config/classification")), List.of("support@ironzon.com"));
    }

    private static Optional<String> reason(String headers) {
        byte[] raw = (headers + "\n\nbody\n").getBytes(StandardCharsets.UTF_8);
        return automated.reasonFor(PARSER.parse(new RawMail("ironzon", "k", 1, raw, false, raw.length, null)));
    }

    @Test
    void headersOfAutomaticRepliesAndBulkMailAreRecognised() {
        assertThat(reason("From: a@example.com\nAuto-Submitted: auto-replied")).contains("Auto-Submitted: auto-replied");
        assertThat(reason("From: a@example.com\nX-Autoreply: yes")).hasValueSatisfying(r -> assertThat(r).contains("x-autoreply"));
        assertThat(reason("From: a@example.com\nPrecedence: bulk")).contains("Precedence: bulk");
        assertThat(reason("From: a@example.com\nList-Id: <news.example.com>")).hasValueSatisfying(r -> assertThat(r).contains("mailing list"));
        assertThat(reason("From: a@example.com\nContent-Type: multipart/report; report-type=delivery-status; boundary=x"))
                .hasValueSatisfying(r -> assertThat(r).contains("multipart/report"));
        assertThat(reason("From: a@example.com\nReturn-Path: <>")).hasValueSatisfying(r -> assertThat(r).contains("null sender"));
        assertThat(reason("From: MAILER-DAEMON@mx.example.net")).hasValueSatisfying(r -> assertThat(r).contains("mailer-daemon"));
    }

    @Test
    void subjectsOfAutomaticRepliesInEveryLanguageAreRecognised() {
        for (String subject : List.of("Out of Office: your request", "Abwesenheitsnotiz", "Réponse automatique",
                "Automaattinen vastaus", "自动回复：您的请求", "Undeliverable: hello")) {
            assertThat(reason("From: a@example.com\nSubject: " + subject)).as(subject).isPresent();
        }
    }

    @Test
    void loopsAndTheHubsOwnMailAreRecognised() {
        assertThat(reason("From: IRONZON <Support@Ironzon.com>")).hasValueSatisfying(r -> assertThat(r).contains("hub itself"));
        assertThat(reason("From: a@example.com\n" + "Received: from x by y\n".repeat(31)))
                .hasValueSatisfying(r -> assertThat(r).contains("mail loop"));
        assertThat(reason("From: Shop <no-reply@shop.example>")).hasValueSatisfying(r -> assertThat(r).contains("no replies"));
    }

    @Test
    void aPersonsMailIsNotAutomated() {
        assertThat(reason("From: Ann <ann@example.com>\nSubject: I am out of patience: delete my data\nAuto-Submitted: no"))
                .isEmpty();
        assertThat(reason("From: Web form <noreply@shop.example>\nReply-To: ann@example.com\nSubject: Contact form")).isEmpty();
    }
}
