package io.dsrhub.verification;

import io.dsrhub.testing.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** The verification mails a test address received over SMTP (GreenMail), and the code and link in them. */
final class VerificationMailbox {

    /** The code mail's subject in English, Finnish and Chinese. */
    static final List<String> SUBJECTS = List.of("Please confirm your privacy request", "Vahvista tietosuojapyyntösi",
            "请确认您向");
    private static final Pattern CODE = Pattern.compile(
            "(?:Your confirmation code is: |Vahvistuskoodisi on: |您的确认码是：)([0-9]{4}-[0-9]{4})");
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/verify/(\\S+))");

    private final TestMailServer mail;

    VerificationMailbox(TestMailServer mail) {
        this.mail = mail;
    }

    /** Waits until the address has received {@code count} verification mails; returns them in order. */
    List<MimeMessage> await(String address, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> codeMails(address).size() >= count);
        return codeMails(address);
    }

    List<MimeMessage> codeMails(String address) {
        return mail.messagesTo(address).stream().filter(m -> SUBJECTS.stream().anyMatch(subject(m)::contains))
                .toList();
    }

    static String code(MimeMessage message) {
        Matcher m = CODE.matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("no code in: " + text(message));
        }
        return m.group(1);
    }

    /** The path and query of the link, {@code /verify/<id>?t=...}. */
    static String linkPath(MimeMessage message) {
        Matcher m = LINK.matcher(text(message));
        if (!m.find()) {
            throw new AssertionError("no link in: " + text(message));
        }
        return "/verify/" + m.group(2);
    }

    static String linkToken(MimeMessage message) {
        String path = linkPath(message);
        return path.substring(path.indexOf("?t=") + 3);
    }

    static String text(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
