package io.dsrhub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dsrhub.evidence.EvidenceStore;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.MailboxProbe;
import io.dsrhub.testing.RawSmtp;
import io.dsrhub.testing.SeedMailboxes;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mail corpus (src/test/resources/mail-corpus, 46 messages for the five seed controllers in English, German,
 * French, Finnish and Chinese: HTML-only, multipart/alternative, quoted-printable and base64, GBK, GB2312 and
 * unlabelled legacy text, forwarded mail, replies to the hub's mail, duplicates, bounces, out-of-office replies, a
 * mail loop, broken MIME, a zip bomb, an oversized message) is delivered over SMTP to the controllers' IMAP
 * mailboxes, and each message becomes what expected.yaml says: its outcome, request types, language, requester,
 * identities, thread, reply and attachments, with no message left unread and the quarantined ones moved.
 */
class MailCorpusTest {

    private static final Map<String, String> MAILBOX = Map.of("ironzon", SeedMailboxes.IRONZON,
            "iid2secure", SeedMailboxes.IID2SECURE, "ismarthomeq", SeedMailboxes.ISMARTHOMEQ,
            "isocket", SeedMailboxes.ISOCKET, "ikotek", SeedMailboxes.IKOTEK);
    private static final Map<String, String> REPLY_LANGUAGE = Map.of(
            "en", "We have received|What would you like",
            "de", "Wir haben|Was soll",
            "fr", "Nous avons|Que souhaitez",
            "fi", "Olemme|Mitä haluat",
            "zh", "我们已收到|您希望");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?mi)^Message-ID:\\s*(\\S+)\\s*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(ack|clarification|reference|filler):([^}]+)}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static TestDatabase database;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static LedgerRows rows;
    private static List<Map<String, Object>> corpus;

    @BeforeAll
    static void deliverTheCorpus() throws IOException {
        database = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = SeedMailboxes.on(mail, HubInstance.builder().database(database).property("dsr.verification.challenge-new-requests", "false"))
                .property("dsr.mailbox.max-message-bytes", "262144")
                .start();
        rows = new LedgerRows(database.dataSource());
        try (InputStream in = MailCorpusTest.class.getResourceAsStream("/mail-corpus/expected.yaml")) {
            corpus = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
        }
        for (int phase = 1; phase <= 2; phase++) {
            Set<String> keys = new LinkedHashSet<>();
            for (Map<String, Object> entry : corpus) {
                if (phaseOf(entry) > phase) {
                    continue;
                }
                keys.add(key(entry));
                if (phaseOf(entry) == phase) {
                    byte[] message = message((String) entry.get("file"));
                    RawSmtp.send(mail.smtpPort(), "sender@example.net", MAILBOX.get(entry.get("mailbox")), message);
                }
            }
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                    rows.count("inbound_message") == keys.size() && SeedMailboxes.ALL.stream()
                            .allMatch(address -> new MailboxProbe(mail.imapPort(), address).unseen("INBOX") == 0));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> rows.rows(
                "SELECT id FROM outbound_message WHERE status <> 'SENT'").isEmpty());
    }

    @AfterAll
    static void stop() {
        hub.close();
        mail.close();
        database.close();
    }

    static Stream<Map<String, Object>> corpus() throws IOException {
        try (InputStream in = MailCorpusTest.class.getResourceAsStream("/mail-corpus/expected.yaml")) {
            List<Map<String, Object>> entries = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
            return entries.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void messageBecomesWhatTheCorpusSays(Map<String, Object> entry) {
        String file = (String) entry.get("file");
        if (entry.containsKey("duplicate-of")) {
            assertDuplicateChangedNothing(entry);
            return;
        }
        Map<String, Object> inbound = single(rows.rows("SELECT * FROM inbound_message WHERE message_key = ?", key(entry)));
        String outcome = (String) entry.get("outcome");
        assertThat(inbound.get("outcome")).as(file + " outcome (reason: " + inbound.get("reason") + ")").isEqualTo(outcome);
        if (entry.containsKey("reason")) {
            assertThat((String) inbound.get("reason")).as(file + " reason").contains((String) entry.get("reason"));
        }
        String requestId = (String) inbound.get("request_id");
        switch (outcome) {
            case "NEW_REQUEST", "AWAITING_CLARIFICATION" -> assertNewRequest(entry, requestId);
            case "THREAD_REPLY" -> assertThreadReply(entry, inbound);
            case "IGNORED" -> {
                assertThat(repliesTo(messageIdOf(file))).as(file + " is never answered").isEmpty();
                assertThat(requestId).as(file + " request").isEqualTo(entry.containsKey("thread-of")
                        ? requestOf((String) entry.get("thread-of")) : null);
            }
            case "QUARANTINED" -> {
                assertThat(requestId).isNull();
                assertThat(repliesTo(messageIdOf(file))).isEmpty();
                assertThat(new MailboxProbe(mail.imapPort(), MAILBOX.get(entry.get("mailbox"))).messageIds("DSR-Quarantine"))
                        .as(file + " is in the quarantine folder").contains(messageIdOf(file));
                assertThat(new MailboxProbe(mail.imapPort(), MAILBOX.get(entry.get("mailbox"))).messageIds("INBOX"))
                        .as(file + " left the inbox").doesNotContain(messageIdOf(file));
            }
            default -> throw new IllegalArgumentException(outcome);
        }
        if (entry.containsKey("reply")) {
            String answered = messageIdOf(file);
            List<Map<String, Object>> replies = repliesTo(answered);
            assertThat(replies).as(file + " answered once").hasSize(1);
            assertThat(replies.get(0).get("kind")).isEqualTo(entry.get("reply"));
            assertThat((String) replies.get(0).get("subject")).as(file + " reply language")
                    .containsPattern(REPLY_LANGUAGE.get((String) entry.get("language")));
        }
        if (entry.containsKey("attachments")) {
            assertAttachments(entry, inbound);
        }
    }

    @Test
    void everyMailboxIsLeftWithNoUnreadMessage() {
        for (String address : SeedMailboxes.ALL) {
            assertThat(new MailboxProbe(mail.imapPort(), address).unseen("INBOX")).as(address).isZero();
        }
    }

    @Test
    void repliesReachTheRequesterThreadedToTheMessageTheyAnswer() throws Exception {
        List<Map<String, Object>> sent = rows.rows("SELECT message_id, in_reply_to, recipient FROM outbound_message");
        assertThat(sent).hasSizeGreaterThan(25);
        for (Map<String, Object> row : sent) {
            MimeMessage delivered = mail.messagesTo((String) row.get("recipient")).stream()
                    .filter(m -> row.get("message_id").equals(messageIdOf(m))).findFirst().orElseThrow();
            assertThat(delivered.getHeader("In-Reply-To", null)).isEqualTo(row.get("in_reply_to"));
            assertThat(delivered.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        }
    }

    // ---- assertions ---------------------------------------------------------------------------------------------

    private void assertNewRequest(Map<String, Object> entry, String requestId) {
        String file = (String) entry.get("file");
        Map<String, Object> request = single(rows.rows("SELECT * FROM subject_request WHERE id = ?", requestId));
        assertThat(request.get("channel")).isEqualTo("EMAIL");
        boolean answeredLater = corpus.stream().anyMatch(e -> file.equals(e.get("thread-of")) && e.containsKey("status-after"));
        if (!answeredLater) {
            // a later reply may have moved the request on; that entry checks status and types
            assertThat(request.get("status")).as(file + " status").isEqualTo(
                    entry.get("outcome").equals("NEW_REQUEST") ? "RECEIVED" : "AWAITING_CLARIFICATION");
            assertThat(types(requestId)).as(file + " types").containsExactlyInAnyOrderElementsOf(codes(entry, "types"));
        }
        assertThat(request.get("language")).as(file + " language").isEqualTo(entry.get("language"));
        assertThat(((String) request.get("requester_kind")).toLowerCase(Locale.ROOT)).as(file + " requester")
                .isEqualTo(entry.get("requester"));
        if (entry.containsKey("requester-email")) {
            assertThat(request.get("reply_to")).as(file + " reply address").isEqualTo(entry.get("requester-email"));
        }
        if (entry.containsKey("requester-name")) {
            assertThat(request.get("requester_name")).as(file + " requester name").isEqualTo(entry.get("requester-name"));
        }
        List<String> identities = identities(requestId);
        assertThat(identities).as(file + " identities").containsAll(strings(entry, "identities"));
        for (String absent : strings(entry, "absent-identities")) {
            assertThat(identities).as(file + " identities").doesNotContain(absent);
        }
        assertThat(rows.rows("SELECT 1 FROM processed_key WHERE idempotency_key = ? AND request_id = ?", key(entry),
                requestId)).as(file + " idempotency key").hasSize(1);
    }

    private void assertThreadReply(Map<String, Object> entry, Map<String, Object> inbound) {
        String file = (String) entry.get("file");
        String requestId = requestOf((String) entry.get("thread-of"));
        assertThat(inbound.get("request_id")).as(file + " thread").isEqualTo(requestId);
        assertThat(inbound.get("matched_by")).as(file + " matched by").isEqualTo(entry.get("matched-by"));
        Map<String, Object> request = single(rows.rows("SELECT * FROM subject_request WHERE id = ?", requestId));
        assertThat(request.get("status")).as(file + " status after").isEqualTo(entry.get("status-after"));
        assertThat(types(requestId)).as(file + " types after").containsExactlyInAnyOrderElementsOf(codes(entry, "types-after"));
        assertThat(rows.rows("SELECT 1 FROM audit_event WHERE request_id = ? AND action = 'MAIL_RECEIVED' AND detail "
                + "LIKE ?", requestId, "inbound " + inbound.get("id") + " %")).as(file + " audited").hasSize(1);
    }

    private void assertDuplicateChangedNothing(Map<String, Object> entry) {
        String original = (String) entry.get("duplicate-of");
        assertThat(rows.rows("SELECT id FROM inbound_message WHERE message_key = ?", key(entry))).hasSize(1);
        assertThat(rows.rows("SELECT id FROM outbound_message WHERE in_reply_to = ?", messageIdOf(original)))
                .as("one answer to " + original).hasSizeLessThanOrEqualTo(1);
        assertThat(rows.rows("SELECT request_id FROM processed_key WHERE idempotency_key = ?", key(entry)))
                .hasSizeLessThanOrEqualTo(1);
    }

    private void assertAttachments(Map<String, Object> entry, Map<String, Object> inbound) {
        String file = (String) entry.get("file");
        List<Map<String, Object>> attachments = rows.rows(
                "SELECT * FROM inbound_attachment WHERE inbound_id = ? ORDER BY part_index", inbound.get("id"));
        assertThat(attachments).extracting(a -> a.get("status")).as(file + " attachments")
                .containsExactlyElementsOf(strings(entry, "attachments"));
        EvidenceStore evidence = hub.bean(EvidenceStore.class);
        for (Map<String, Object> attachment : attachments) {
            if (!"STORED".equals(attachment.get("status"))) {
                assertThat(attachment.get("object_key")).isNull();
                assertThat((String) attachment.get("reason")).isNotBlank();
                continue;
            }
            String key = (String) attachment.get("object_key");
            assertThat(key).matches(inbound.get("request_id") + "/" + UUID.pattern());
            assertThat(sha256(evidence.get(key))).isEqualTo(attachment.get("sha256"));
            assertThat((String) attachment.get("file_name")).doesNotContain("/");
        }
    }

    // ---- ledger and corpus lookups ------------------------------------------------------------------------------

    private static List<String> types(String requestId) {
        return rows.rows("SELECT type FROM request_type WHERE request_id = ?", requestId).stream()
                .map(r -> ((String) r.get("type")).toLowerCase(Locale.ROOT).replace('_', '-')).toList();
    }

    private static List<String> identities(String requestId) {
        return rows.rows("SELECT identity_type, identity_value FROM request_identity WHERE request_id = ?", requestId)
                .stream().map(r -> ((String) r.get("identity_type")).toLowerCase(Locale.ROOT).replace('_', '-') + "="
                        + r.get("identity_value")).toList();
    }

    private static List<Map<String, Object>> repliesTo(String messageId) {
        return rows.rows("SELECT kind, subject, request_id FROM outbound_message WHERE in_reply_to = ?", messageId);
    }

    private static String requestOf(String file) {
        Map<String, Object> entry = corpus.stream().filter(e -> e.get("file").equals(file)).findFirst().orElseThrow();
        return (String) single(rows.rows("SELECT request_id FROM inbound_message WHERE message_key = ?", key(entry)))
                .get("request_id");
    }

    private static String key(Map<String, Object> entry) {
        return "mail:" + entry.get("mailbox") + ":" + messageIdOf((String) entry.get("file"));
    }

    private static int phaseOf(Map<String, Object> entry) {
        return entry.containsKey("phase") ? ((Number) entry.get("phase")).intValue() : 1;
    }

    private static String messageIdOf(String file) {
        Matcher m = MESSAGE_ID.matcher(new String(raw(file), StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            throw new IllegalStateException(file + " has no Message-ID");
        }
        return m.group(1);
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file with its placeholders filled in from what the hub has sent so far. */
    private static byte[] message(String file) {
        String text = new String(raw(file), StandardCharsets.ISO_8859_1);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "filler" -> filler(Integer.parseInt(m.group(2)));
                case "reference" -> (String) single(rows.rows("SELECT reference FROM subject_request WHERE id = ?",
                        requestOf(m.group(2)))).get("reference");
                default -> (String) single(rows.rows("SELECT message_id FROM outbound_message WHERE request_id = ? "
                        + "AND kind = ? ORDER BY id LIMIT 1", requestOf(m.group(2)),
                        m.group(1).equals("ack") ? "ACKNOWLEDGEMENT" : "CLARIFICATION")).get("message_id");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String filler(int chars) {
        StringBuilder filler = new StringBuilder(chars + chars / 76 + 1);
        while (filler.length() < chars) {
            filler.append("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\n");
        }
        return filler.toString();
    }

    private static byte[] raw(String file) {
        try (InputStream in = MailCorpusTest.class.getResourceAsStream("/mail-corpus/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no corpus file " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> single(List<Map<String, Object>> found) {
        assertThat(found).hasSize(1);
        return new LinkedHashMap<>(found.get(0));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> entry, String key) {
        return entry.containsKey(key) ? new ArrayList<>((List<String>) entry.get(key)) : List.of();
    }

    private static List<String> codes(Map<String, Object> entry, String key) {
        return strings(entry, key);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
