package io.dsrhub.freetext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only what the writer wrote is read: quoted replies and signatures are cut, forwarded messages are kept. */
class QuotedTextTest {

    private static QuotedText quoted;

    @BeforeAll
    static void load() {
        quoted = new QuotedText(PhraseBook.load(Path.of("config/classification")));
    }

    @Test
    void textBelowAReplyHeaderAndQuotedLinesIsCut() {
        String body = "Please delete my data.\n\nOn Mon, 3 Mar 2025 at 10:00, IRONZON <support@ironzon.com> wrote:\n"
                + "> You asked us to:\n>   - See the personal data you hold about me\n";
        assertThat(quoted.newText(body)).isEqualTo("Please delete my data.");
    }

    @Test
    void replyHeadersInEachLanguageAndWrappedOnesAreRecognised() {
        assertThat(quoted.newText("Ja.\n\nAm 03.03.2025 um 10:00 schrieb IRONZON <support@ironzon.com>:\nalter Text"))
                .isEqualTo("Ja.");
        assertThat(quoted.newText("Oui.\nLe lun. 3 mars 2025 à 10:00, Ikotek <info@ikotek.com> a écrit :\nancien"))
                .isEqualTo("Oui.");
        assertThat(quoted.newText("好的。\n在 2025年3月3日 10:00，IID2SECURE 写道：\n旧内容")).isEqualTo("好的。");
        assertThat(quoted.newText("Kyllä.\nma 3.3.2025 klo 10.00 iSocket kirjoitti:\nvanha")).isEqualTo("Kyllä.");
        assertThat(quoted.newText("Yes.\nOn Mon, 3 Mar 2025 at 10:00, A Very Long Sender Name <someone@example.com>\nwrote:\nold"))
                .isEqualTo("Yes.");
        assertThat(quoted.newText("Yes.\n-----Original Message-----\nFrom: x")).isEqualTo("Yes.");
    }

    @Test
    void forwardedMessagesAreTheWritersContent() {
        String body = "See below.\n--\nStaff member\n---------- Forwarded message ---------\nFrom: Carlos <c@example.es>\n"
                + "\nPlease send me a copy of my data.\n> quoted inside the forward stays\n";
        assertThat(quoted.newText(body)).contains("Please send me a copy of my data.")
                .contains("quoted inside the forward stays").contains("See below.");
    }
}
