package io.dsrhub.freetext;

import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.RequesterKind;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the hub knows about one language, from {@code config/classification/<language>.yaml}: how to tell that a
 * message is written in it, the phrases that name each request type, who is asking, and the lines mail clients write
 * above quoted or forwarded text.
 *
 * @param language          ISO 639-1 code, equal to the file name
 * @param script            {@code latin} or {@code han}: which texts the language is a candidate for
 * @param markers           common words of the language; the candidate with most of them in a text wins
 * @param types             phrases per request type
 * @param requesters        phrases saying the writer is an agent or a parent/guardian
 * @param negations         words that, just before a phrase, turn it around ("do not delete")
 * @param phoneLabels       words that introduce a phone number
 * @param quoteHeaders      regular expressions for the line above quoted text ("On ... wrote:"); text from there on
 *                          is not read
 * @param forwardHeaders    regular expressions for the line above a forwarded message; the forwarded text is read
 * @param autoReplySubjects phrases of subjects of automatic replies and delivery reports
 */
public record LanguageProfile(
        String language,
        Script script,
        List<Phrase> markers,
        Map<RequestType, List<Phrase>> types,
        Map<RequesterKind, List<Phrase>> requesters,
        List<Phrase> negations,
        List<Phrase> phoneLabels,
        List<Pattern> quoteHeaders,
        List<Pattern> forwardHeaders,
        List<Phrase> autoReplySubjects) {

    /** The writing system a language uses, which decides whether it is a candidate for a text. */
    public enum Script {
        LATIN,
        HAN
    }
}
