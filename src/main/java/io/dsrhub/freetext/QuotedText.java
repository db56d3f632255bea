package io.dsrhub.freetext;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a message its writer wrote: the text above the first quote header ("On ... wrote:", "-----Original
 * Message-----", a signature delimiter) and without lines quoted with {@code >}. A forwarded message is the writer's
 * content, so a quote header above a forward header does not cut, and nothing below a forward header is cut.
 */
public final class QuotedText {

    private final PhraseBook book;

    public QuotedText(PhraseBook book) {
        this.book = book;
    }

    public String newText(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int lastForward = -1;
        for (int i = 0; i < lines.length; i++) {
            if (book.isForwardHeader(lines[i])) {
                lastForward = i;
            }
        }
        List<String> kept = new ArrayList<>();
        boolean inForward = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == lastForward || (!inForward && book.isForwardHeader(line))) {
                inForward = inForward || i >= lastForward;
                kept.add(line);
                continue;
            }
            if (!inForward && i > lastForward && isQuoteHeader(lines, i)) {
                break;
            }
            if (!inForward && line.stripLeading().startsWith(">")) {
                continue;
            }
            kept.add(line);
        }
        return String.join("\n", kept).strip();
    }

    private boolean isQuoteHeader(String[] lines, int i) {
        if (book.isQuoteHeader(lines[i])) {
            return true;
        }
        // mail clients wrap a long "On <date>, <name> <address> wrote:" over two lines
        return i + 1 < lines.length && !lines[i].isBlank() && !lines[i + 1].isBlank()
                && lines[i + 1].strip().length() < 40 && !book.isQuoteHeader(lines[i + 1])
                && book.isQuoteHeader(lines[i].strip() + " " + lines[i + 1].strip());
    }
}
