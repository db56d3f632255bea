package io.dsrhub.mailbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw message into an {@link InboundMail}, whatever shape it is in: multipart/alternative (plain text
 * preferred), HTML only, quoted-printable and base64, legacy charsets (GBK, GB2312, ISO-8859-1) labelled or not,
 * RFC 2047 headers, 8-bit headers, forwarded messages as attachments, missing or malformed headers. It does not
 * throw for bad content: what it cannot read is listed in {@link InboundMail#problems()}. Limits keep a hostile
 * message small: at most 100 parts, 10 levels deep, 200,000 characters of text, and attachments over the size limit
 * are measured but not kept.
 */
public final class MailParser {

    static final int MAX_PARTS = 100;
    static final int MAX_DEPTH = 10;
    static final int MAX_TEXT_CHARS = 200_000;
    private static final int MAX_TEXT_BYTES = 4 * 1024 * 1024;
    private static final int MAX_MESSAGE_ID = 400;
    private static final Pattern ID = Pattern.compile("<[^<>\\s]{1,900}>");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}");
    private static final List<String> MACHINE_HEADERS = List.of("auto-submitted", "precedence", "x-autoreply",
            "x-autorespond", "x-autoresponse", "x-auto-response-suppress", "return-path", "x-failed-recipients",
            "list-id", "list-unsubscribe", "x-loop");

    private final Session session;
    private final long maxAttachmentBytes;

    public MailParser(long maxAttachmentBytes) {
        Properties properties = new Properties();
        properties.put("mail.mime.allowutf8", "true");
        properties.put("mail.mime.base64.ignoreerrors", "true");
        properties.put("mail.mime.decodetext.strict", "false");
        properties.put("mail.mime.address.strict", "false");
        properties.put("mail.mime.parameters.strict", "false");
        properties.put("mail.mime.decodefilename", "true");
        properties.put("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.put("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        properties.put("mail.mime.multipart.allowempty", "true");
        this.session = Session.getInstance(properties);
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    public InboundMail parse(RawMail raw) {
        List<String> problems = new ArrayList<>();
        MimeMessage message;
        try {
            message = new MimeMessage(session, new ByteArrayInputStream(raw.bytes()));
        } catch (MessagingException e) {
            problems.add("unreadable message: " + e.getMessage());
            message = null;
        }
        String messageId = normaliseId(header(message, "Message-ID", problems));
        String key = messageKey(raw.controllerId(), messageId, raw.bytes());
        List<String> threadIds = threadIds(header(message, "In-Reply-To", problems),
                header(message, "References", problems));
        Addressed from = address(fixed(raw.bytes(), "From", header(message, "From", problems)));
        Addressed replyTo = address(fixed(raw.bytes(), "Reply-To", header(message, "Reply-To", problems)));
        Addressed sender = replyTo.address() != null ? replyTo : from;
        String senderName = sender.name() != null ? sender.name() : from.name();
        String subject = fixed(raw.bytes(), "Subject", header(message, "Subject", problems));
        Instant sentAt = sentAt(message);
        Map<String, String> machine = new LinkedHashMap<>();
        for (String name : MACHINE_HEADERS) {
            String value = header(message, name, problems);
            if (value != null) {
                machine.put(name, value.strip());
            }
        }
        String contentType = header(message, "Content-Type", problems);
        int received = 0;
        try {
            String[] receivedHeaders = message == null ? null : message.getHeader("Received");
            received = receivedHeaders == null ? 0 : receivedHeaders.length;
        } catch (MessagingException e) {
            problems.add("unreadable Received headers");
        }
        Walk walk = new Walk(problems);
        if (message != null && !raw.headersOnly()) {
            walk.part(message, 0);
        }
        return new InboundMail(raw.controllerId(), key, messageId, threadIds, sender.address(), clip(senderName, 200),
                from.address(), subject == null ? "" : clip(subject, 998), sentAt, walk.text(),
                List.copyOf(walk.attachments), Map.copyOf(machine), simpleType(contentType), received, raw.size(),
                raw.headersOnly(), List.copyOf(problems));
    }

    // ---- headers ----------------------------------------------------------------------------------------------

    private static String header(MimeMessage message, String name, List<String> problems) {
        if (message == null) {
            return null;
        }
        try {
            return message.getHeader(name, ",");
        } catch (MessagingException e) {
            problems.add("unreadable header " + name);
            return null;
        }
    }

    /** Decodes a header value; when its raw bytes are 8-bit but not UTF-8 (a legacy charset), decodes those bytes. */
    private static String fixed(byte[] raw, String name, String value) {
        if (value == null) {
            return null;
        }
        byte[] bytes = RawHeader.valueBytes(raw, name);
        if (bytes != null && hasEightBit(bytes) && !Charsets.isValidUtf8(bytes)) {
            return EncodedWords.decode(Charsets.decode(bytes, null));
        }
        return EncodedWords.decode(value);
    }

    private static boolean hasEightBit(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    static String normaliseId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        Matcher m = ID.matcher(value);
        if (m.find()) {
            value = m.group();
        } else if (!value.contains(" ") && value.contains("@")) {
            value = "<" + value + ">";
        }
        if (value.length() > MAX_MESSAGE_ID || value.chars().anyMatch(c -> c < 0x21 || c == 0x7F)) {
            return null;
        }
        return value;
    }

    static String messageKey(String controllerId, String messageId, byte[] bytes) {
        if (messageId != null) {
            return "mail:" + controllerId + ":" + messageId;
        }
        try {
            return "mail:" + controllerId + ":sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> threadIds(String inReplyTo, String references) {
        Set<String> ids = new LinkedHashSet<>();
        if (inReplyTo != null) {
            Matcher m = ID.matcher(inReplyTo);
            while (m.find()) {
                ids.add(m.group());
            }
        }
        if (references != null) {
            List<String> refs = new ArrayList<>();
            Matcher m = ID.matcher(references);
            while (m.find()) {
                refs.add(m.group());
            }
            for (int i = refs.size() - 1; i >= 0; i--) {
                ids.add(refs.get(i));
            }
        }
        return ids.stream().filter(id -> id.length() <= MAX_MESSAGE_ID).limit(50).toList();
    }

    private record Addressed(String address, String name) {
    }

    private static Addressed address(String value) {
        if (value == null || value.isBlank()) {
            return new Addressed(null, null);
        }
        String address = null;
        try {
            for (InternetAddress candidate : InternetAddress.parseHeader(value, false)) {
                if (candidate.getAddress() != null && EMAIL.matcher(candidate.getAddress()).matches()) {
                    address = candidate.getAddress();
                    break;
                }
            }
        } catch (Exception e) {
            // malformed: fall back to the first thing that looks like an address
        }
        if (address == null) {
            Matcher m = EMAIL.matcher(value);
            if (m.find()) {
                address = m.group();
            }
        }
        String name = null;
        int angle = value.indexOf('<');
        if (angle > 0) {
            name = value.substring(0, angle).strip().replaceAll("^\"|\"$", "").strip();
        } else {
            Matcher comment = Pattern.compile("\\(([^)]{1,200})\\)").matcher(value);
            if (comment.find()) {
                name = comment.group(1).strip();
            }
        }
        if (name != null && (name.isBlank() || EMAIL.matcher(name).matches() || name.chars().anyMatch(c -> c < 0x20))) {
            name = null;
        }
        return new Addressed(address == null ? null : address.toLowerCase(Locale.ROOT), name);
    }

    private static Instant sentAt(MimeMessage message) {
        try {
            return message == null || message.getSentDate() == null ? null : message.getSentDate().toInstant();
        } catch (MessagingException e) {
            return null;
        }
    }

    static String simpleType(String contentType) {
        if (contentType == null) {
            return "text/plain";
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            Matcher m = Pattern.compile("^\\s*([A-Za-z0-9!#$&^_.+-]{1,64}/[A-Za-z0-9!#$&^_.+-]{1,64})").matcher(contentType);
            return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "application/octet-stream";
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    // ---- body ---------------------------------------------------------------------------------------------------

    /** One pass over the MIME tree, collecting text and attachments within the limits. */
    private final class Walk {

        private final List<String> problems;
        private final StringBuilder text = new StringBuilder();
        private final List<MailAttachment> attachments = new ArrayList<>();
        private int parts;

        Walk(List<String> problems) {
            this.problems = problems;
        }

        String text() {
            String all = text.toString().replace("\r\n", "\n").replace('\r', '\n').strip();
            return all.length() > MAX_TEXT_CHARS ? all.substring(0, MAX_TEXT_CHARS) : all;
        }

        void part(Part part, int depth) {
            if (++parts > MAX_PARTS || depth > MAX_DEPTH) {
                if (parts == MAX_PARTS + 1 || depth == MAX_DEPTH + 1) {
                    problems.add("more than " + MAX_PARTS + " parts or " + MAX_DEPTH + " levels; the rest was not read");
                }
                return;
            }
            String rawType = contentTypeOf(part);
            String type = simpleType(rawType);
            String charset = charsetOf(rawType);
            String disposition = dispositionOf(part);
            String fileName = fileNameOf(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition)
                    || (fileName != null && !type.startsWith("text/") && !type.startsWith("multipart/"))
                    || (fileName != null && type.startsWith("text/") && !Part.INLINE.equalsIgnoreCase(disposition));
            if (type.startsWith("multipart/")) {
                multipart(part, type, depth);
            } else if (type.equals("message/rfc822")) {
                // a forwarded message is read as part of the text; sent as a named attachment it is also evidence
                forwarded(part, depth);
                if (fileName != null && Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
                    attachment(part, fileName, type);
                }
            } else if (!attachment && type.equals("text/html")) {
                appendText(HtmlText.of(decodeText(part, charset)));
            } else if (!attachment && (type.startsWith("text/") || type.equals("message/delivery-status"))) {
                appendText(decodeText(part, charset));
            } else if (type.startsWith("image/") && fileName == null && Part.INLINE.equalsIgnoreCase(disposition)) {
                // an inline picture of an HTML body (a logo, a signature): not evidence
                return;
            } else {
                attachment(part, fileName, type);
            }
        }

        private void multipart(Part part, String type, int depth) {
            Multipart multipart;
            try {
                Object content = part.getContent();
                if (!(content instanceof Multipart mp)) {
                    problems.add("a " + type + " part without parts");
                    appendText(decodeText(part, null));
                    return;
                }
                multipart = mp;
            } catch (MessagingException | IOException | RuntimeException e) {
                problems.add("unreadable " + type + " part: " + e.getClass().getSimpleName());
                appendText(decodeText(part, null));
                return;
            }
            try {
                int count = multipart.getCount();
                if (type.equals("multipart/alternative")) {
                    BodyPart best = null;
                    for (int i = 0; i < count; i++) {
                        BodyPart candidate = multipart.getBodyPart(i);
                        String candidateType = simpleType(contentTypeOf(candidate));
                        if (candidateType.equals("text/plain") && !decodeText(candidate, charsetOf(contentTypeOf(candidate))).isBlank()) {
                            best = candidate;
                            break;
                        }
                        if (best == null || !candidateType.startsWith("text/plain")) {
                            best = candidate;
                        }
                    }
                    if (best != null) {
                        part(best, depth + 1);
                    }
                    return;
                }
                for (int i = 0; i < count; i++) {
                    part(multipart.getBodyPart(i), depth + 1);
                }
            } catch (MessagingException | RuntimeException e) {
                problems.add("broken " + type + ": " + e.getClass().getSimpleName());
            }
        }

        private void forwarded(Part part, int depth) {
            try {
                MimeMessage nested;
                Object content = part.getContent();
                if (content instanceof MimeMessage m) {
                    nested = m;
                } else {
                    nested = new MimeMessage(session, part.getInputStream());
                }
                StringBuilder header = new StringBuilder("---------- Forwarded message ---------\n");
                String from = nested.getHeader("From", ",");
                String subject = nested.getHeader("Subject", ",");
                if (from != null) {
                    header.append("From: ").append(EncodedWords.decode(from)).append('\n');
                }
                if (subject != null) {
                    header.append("Subject: ").append(EncodedWords.decode(subject)).append('\n');
                }
                appendText(header.toString());
                part(nested, depth + 1);
            } catch (MessagingException | IOException | RuntimeException e) {
                problems.add("unreadable forwarded message: " + e.getClass().getSimpleName());
            }
        }

        private void attachment(Part part, String fileName, String type) {
            int index = attachments.size();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long size = 0;
            boolean over = false;
            try (InputStream in = contentStream(part)) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > maxAttachmentBytes) {
                        over = true;
                        out = null;
                        // keep counting up to the message limit that already bounds this part, without keeping bytes
                        continue;
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException | MessagingException | RuntimeException e) {
                problems.add("attachment " + index + " could not be decoded: " + e.getClass().getSimpleName());
                if (out != null) {
                    out = null;
                }
            }
            attachments.add(new MailAttachment(index, fileName, type, over || out == null ? null : out.toByteArray(),
                    size));
        }

        private void appendText(String value) {
            if (value == null || value.isBlank() || text.length() > MAX_TEXT_CHARS) {
                return;
            }
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(value.strip());
        }

        private String decodeText(Part part, String charset) {
            try (InputStream in = contentStream(part)) {
                byte[] bytes = in.readNBytes(MAX_TEXT_BYTES);
                return Charsets.decode(bytes, charset);
            } catch (IOException | MessagingException | RuntimeException e) {
                problems.add("a text part could not be decoded: " + e.getClass().getSimpleName());
                return "";
            }
        }

        /** The decoded content; the raw content when the transfer encoding is unknown. */
        private InputStream contentStream(Part part) throws MessagingException, IOException {
            try {
                return part.getInputStream();
            } catch (MessagingException | IOException | RuntimeException e) {
                if (part instanceof MimePart mime) {
                    problems.add("unknown transfer encoding; read as is");
                    if (mime instanceof jakarta.mail.internet.MimeBodyPart body) {
                        return body.getRawInputStream();
                    }
                    if (mime instanceof MimeMessage message) {
                        return message.getRawInputStream();
                    }
                }
                throw e;
            }
        }

        private String contentTypeOf(Part part) {
            try {
                return part.getContentType();
            } catch (MessagingException | RuntimeException e) {
                problems.add("unreadable Content-Type");
                return "text/plain";
            }
        }

        private String dispositionOf(Part part) {
            try {
                return part.getDisposition();
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        private String fileNameOf(Part part) {
            try {
                String name = part.getFileName();
                return cleanFileName(name == null ? null : EncodedWords.decode(name));
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return new ContentType(contentType).getParameter("charset");
        } catch (Exception e) {
            Matcher m = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]{1,40})").matcher(contentType);
            return m.find() ? m.group(1) : null;
        }
    }

    /** The last path segment, without control characters, at most 255 characters; null when nothing is left. */
    static String cleanFileName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return null;
        }
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    /** Finds a header's raw value bytes in a raw message, for headers written in 8-bit legacy charsets. */
    static final class RawHeader {

        private RawHeader() {
        }

        static byte[] valueBytes(byte[] raw, String name) {
            int end = headerEnd(raw);
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            int lineStart = 0;
            while (lineStart < end) {
                int lineEnd = lineEnd(raw, lineStart, end);
                if (startsWithIgnoreCase(raw, lineStart, prefix)) {
                    ByteArrayOutputStream value = new ByteArrayOutputStream();
                    value.write(raw, lineStart + prefix.length(), lineEnd - lineStart - prefix.length());
                    int next = skipNewline(raw, lineEnd, end);
                    while (next < end && (raw[next] == ' ' || raw[next] == '\t')) {
                        int continuationEnd = lineEnd(raw, next, end);
                        value.write(' ');
                        value.write(raw, next, continuationEnd - next);
                        next = skipNewline(raw, continuationEnd, end);
                    }
                    return new String(value.toByteArray(), StandardCharsets.ISO_8859_1).strip()
                            .getBytes(StandardCharsets.ISO_8859_1);
                }
                lineStart = skipNewline(raw, lineEnd, end);
            }
            return null;
        }

        private static int headerEnd(byte[] raw) {
            for (int i = 0; i + 1 < raw.length; i++) {
                if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                    return i;
                }
            }
            return raw.length;
        }

        private static int lineEnd(byte[] raw, int from, int end) {
            int i = from;
            while (i < end && raw[i] != '\n' && raw[i] != '\r') {
                i++;
            }
            return i;
        }

        private static int skipNewline(byte[] raw, int at, int end) {
            int i = at;
            if (i < end && raw[i] == '\r') {
                i++;
            }
            if (i < end && raw[i] == '\n') {
                i++;
            }
            return i;
        }

        private static boolean startsWithIgnoreCase(byte[] raw, int at, String prefix) {
            if (at + prefix.length() > raw.length) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (Character.toLowerCase((char) (raw[at + i] & 0xFF)) != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
