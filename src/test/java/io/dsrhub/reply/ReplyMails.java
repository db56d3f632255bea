package io.dsrhub.reply;

import io.dsrhub.testing.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.lingala.zip4j.io.inputstream.ZipInputStream;
import net.lingala.zip4j.model.LocalFileHeader;
import org.awaitility.Awaitility;

/** What the replies tests read: the reply mail in GreenMail, the link in it, and the package behind the link. */
final class ReplyMails {

    static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/packages/[A-Za-z0-9_-]+)");

    private ReplyMails() {
    }

    /** Waits for a mail to {@code address} whose subject contains {@code subjectPart}. */
    static MimeMessage await(TestMailServer mail, String address, String subjectPart) {
        return Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> mail.messagesTo(address).stream().filter(m -> subjectOf(m).contains(subjectPart))
                        .findFirst().orElse(null), m -> m != null);
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String link(String body) {
        Matcher m = LINK.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no package link in:\n" + body);
        }
        return m.group(1);
    }

    static HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Every entry of a zip (decrypted with the password when given), name to text. */
    static Map<String, String> unzip(byte[] zip, char[] password) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream bytes = new ByteArrayInputStream(zip);
                ZipInputStream in = password == null ? new ZipInputStream(bytes) : new ZipInputStream(bytes, password)) {
            LocalFileHeader header;
            while ((header = in.getNextEntry()) != null) {
                entries.put(header.getFileName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    static List<String> lines(String csv) {
        return List.of(csv.split("\r\n"));
    }
}
