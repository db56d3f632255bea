package io.dsrhub.freetext;

import io.dsrhub.controller.Controller;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.RequesterKind;
import java.util.Collection;
import java.util.List;

/**
 * Reads what a free-text request asks for: the request types, the language it is written in, who is asking, and
 * the identities it offers. Only the writer's own text counts (quoted replies are left out, forwarded messages are
 * read).
 */
public final class FreeTextReader {

    private final PhraseBook book;
    private final QuotedText quoted;
    private final IdentityFinder identities;

    public FreeTextReader(PhraseBook book) {
        this.book = book;
        this.quoted = new QuotedText(book);
        this.identities = new IdentityFinder(book);
    }

    public PhraseBook phraseBook() {
        return book;
    }

    /** The writer's own text of a message body. */
    public String newText(String body) {
        return quoted.newText(body);
    }

    /**
     * @param subject          the subject line, or null
     * @param ownText          the writer's own text (see {@link #newText})
     * @param ignoredAddresses addresses that are not identities of the data subject
     */
    public Reading read(String subject, String ownText, Controller controller, Collection<String> ignoredAddresses) {
        String subjectLine = subject == null ? "" : subject;
        String all = subjectLine + "\n" + ownText;
        PhraseBook.TypeReading types = book.typesIn(all);
        String language = book.languageOf(all, controller.defaultLanguage());
        RequesterKind requester = book.requesterIn(all);
        List<Identity> found = identities.find(all, controller.identifierPatterns(), ignoredAddresses);
        return new Reading(types, language, requester, found);
    }

    /** What a text was read to say. */
    public record Reading(PhraseBook.TypeReading types, String language, RequesterKind requester,
            List<Identity> identities) {
    }
}
