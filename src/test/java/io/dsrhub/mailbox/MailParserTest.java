package io.dsrhub.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Hostile and broken mail is read without throwing: charsets, encodings, HTML, forwarded mail, limits. */
class MailParserTest {

    private final MailParser parser = new MailParser(1024);

    private InboundMail parse(byte[] raw) {
        return parser.parse(new RawMail("ironzon", "k", 1, raw, false, raw.length, null));
    }

    private InboundMail parse(String raw) {
        return parse(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(String head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    @Test
    void legacyChineseCharsetsAreReadAsTheirSupersets() {
        Charset gbk = Charset.forName("GBK");
        // 喆 is in GBK but not in GB2312: mail labelled gb2312 is GBK in practice
        String word = "=?gb2312?B?" + Base64.getEncoder().encodeToString("张喆".getBytes(gbk)) + "?=";
        byte[] raw = concat("From: " + word + " <zhe@example.cn>\nSubject: =?GBK?B?"
                + Base64.getEncoder().encodeToString("删除数据".getBytes(gbk)) + "?=\nContent-Type: text/plain; charset=gb2312\n"
                + "Content-Transfer-Encoding: base64\n\n", Base64.getMimeEncoder().encode("请删除我的数据，张喆".getBytes(gbk)));
        InboundMail mail = parse(raw);
        assertThat(mail.senderName()).isEqualTo("张喆");
        assertThat(mail.subject()).isEqualTo("删除数据");
        assertThat(mail.text()).isEqualTo("请删除我的数据，张喆");
    }

    @Test
    void unlabelledAndMislabelledTextIsDecodedByWhatItIs() {
        byte[] gbk = "您好，我想查阅你们持有的我的个人信息，包括我的云存储视频。".getBytes(Charset.forName("GBK"));
        assertThat(parse(concat("From: a@example.cn\nContent-Type: text/plain\n\n", gbk)).text()).contains("个人信息");
        byte[] utf8 = "Grüße aus München".getBytes(StandardCharsets.UTF_8);
        assertThat(parse(concat("From: a@example.de\nContent-Type: text/plain; charset=us-ascii\n\n", utf8)).text())
                .isEqualTo("Grüße aus München");
        byte[] cp1252 = "Prix: 10 \u20ac, d\u00e9j\u00e0".getBytes(Charset.forName("windows-1252"));
        assertThat(parse(concat("From: a@example.fr\nContent-Type: text/plain; charset=iso-8859-1\n\n", cp1252)).text())
                .isEqualTo("Prix: 10 €, déjà");
    }

    @Test
    void anEightBitLegacySubjectIsDecodedFromItsBytes() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes("From: a@example.cn\nSubject: ".getBytes(StandardCharsets.US_ASCII));
        raw.writeBytes("注销账号".getBytes(Charset.forName("GBK")));
        raw.writeBytes("\n\nbody\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(parse(raw.toByteArray()).subject()).isEqualTo("注销账号");
    }

    @Test
    void htmlOnlyBodiesBecomeTextWithQuotedBlocksMarked() {
        InboundMail mail = parse("From: a@example.com\nContent-Type: text/html; charset=utf-8\n\n"
                + "<html><head><style>p{}</style><script>alert(1)</script></head><body><p>Delete&nbsp;my <b>data</b></p>"
                + "<div>Thanks</div><blockquote>old text</blockquote></body></html>");
        assertThat(mail.text()).isEqualTo("Delete my data\nThanks\n> old text");
    }

    @Test
    void alternativePartsPreferPlainTextAndForwardedMessagesAreReadAndKept() {
        String raw = "From: a@example.com\nContent-Type: multipart/mixed; boundary=OUT\n\n--OUT\n"
                + "Content-Type: multipart/alternative; boundary=ALT\n\n--ALT\nContent-Type: text/plain\n\nplain words\n"
                + "--ALT\nContent-Type: text/html\n\n<p>html words</p>\n--ALT--\n--OUT\nContent-Type: message/rfc822\n"
                + "Content-Disposition: attachment; filename=\"original.eml\"\n\nFrom: Carlos <c@example.es>\n"
                + "Subject: Copy\n\nSend me a copy of my data.\n--OUT--\n";
        InboundMail mail = parse(raw);
        assertThat(mail.text()).contains("plain words").doesNotContain("html words")
                .contains("---------- Forwarded message ---------").contains("From: Carlos <c@example.es>")
                .contains("Send me a copy of my data.");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("original.eml");
            assertThat(a.contentType()).isEqualTo("message/rfc822");
        });
    }

    @Test
    void attachmentsOverTheLimitAreMeasuredButNotKeptAndNamesLoseTheirPaths() {
        String big = Base64.getMimeEncoder().encodeToString(new byte[5000]);
        String raw = "From: a@example.com\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n\nhi\n"
                + "--B\nContent-Type: image/jpeg\nContent-Disposition: attachment; filename=\"../../big.jpg\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + big + "\n--B\nContent-Type: application/pdf\n"
                + "Content-Disposition: attachment; filename=\"C:\\\\docs\\\\letter.pdf\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString("%PDF-1.4".getBytes()) + "\n--B--\n";
        InboundMail mail = parse(raw);
        assertThat(mail.attachments()).hasSize(2);
        assertThat(mail.attachments().get(0)).satisfies(a -> {
            assertThat(a.wasRead()).isFalse();
            assertThat(a.size()).isEqualTo(5000);
            assertThat(a.fileName()).isEqualTo("big.jpg");
        });
        assertThat(mail.attachments().get(1)).satisfies(a -> {
            assertThat(new String(a.bytes(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");
            assertThat(a.fileName()).isEqualTo("letter.pdf");
        });
    }

    @Test
    void brokenMimeIsReadAsFarAsItGoesAndNotedAsAProblem() {
        InboundMail mail = parse("From: a@example.com\nContent-Type: multipart/mixed; boundary=\"never-closed\"\n\n"
                + "--never-closed\nContent-Type: text/plain\nContent-Transfer-Encoding: x-weird\n\nclose my account\n"
                + "--never-closed\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n!!!\n");
        assertThat(mail.text()).contains("close my account");
        assertThat(mail.problems()).anyMatch(p -> p.contains("transfer encoding"));
    }

    @Test
    void messageIdsAreNormalisedAndMissingOnesGiveAStableDigestKey() {
        InboundMail withId = parse("From: a@example.com\nMessage-ID:   abc.123@example.com \n"
                + "In-Reply-To: <r1@x>\nReferences: <r0@x> <r1@x> <r2@x>\n\nhi");
        assertThat(withId.messageId()).isEqualTo("<abc.123@example.com>");
        assertThat(withId.messageKey()).isEqualTo("mail:ironzon:<abc.123@example.com>");
        assertThat(withId.threadIds()).containsExactly("<r1@x>", "<r2@x>", "<r0@x>");
        InboundMail without = parse("From: a@example.com\n\nhi");
        assertThat(without.messageId()).isNull();
        assertThat(without.messageKey()).startsWith("mail:ironzon:sha256:").isEqualTo(parse("From: a@example.com\n\nhi").messageKey());
    }

    @Test
    void replyToIsWhereAnswersGoAndAMissingSenderIsNull() {
        InboundMail form = parse("From: Web Form <noreply@shop.example>\nReply-To: \"Ann Lee\" <Ann.Lee@Example.com>\n\nhi");
        assertThat(form.senderAddress()).isEqualTo("ann.lee@example.com");
        assertThat(form.senderName()).isEqualTo("Ann Lee");
        assertThat(form.fromAddress()).isEqualTo("noreply@shop.example");
        assertThat(parse("From: undisclosed-recipients:;\n\nhi").senderAddress()).isNull();
        assertThat(parse("Subject: x\n\nhi").senderAddress()).isNull();
    }

    @Test
    void tooManyPartsAreNotAllRead() {
        StringBuilder raw = new StringBuilder("From: a@example.com\nContent-Type: multipart/mixed; boundary=B\n\n");
        for (int i = 0; i < 150; i++) {
            raw.append("--B\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        raw.append("--B--\n");
        InboundMail mail = parse(raw.toString());
        assertThat(mail.text()).contains("part 0").doesNotContain("part 120");
        assertThat(mail.problems()).anyMatch(p -> p.contains("more than 100 parts"));
    }
}
