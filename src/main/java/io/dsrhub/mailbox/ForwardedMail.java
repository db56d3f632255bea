package io.dsrhub.mailbox;

import io.dsrhub.controller.Controller;
import io.dsrhub.freetext.PhraseBook;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request the controller's own staff forwarded into the mailbox (a sales or shop address passing on what a
 * customer wrote). Then the person asking is the one in the forwarded message's From line, not the staff member.
 * Staff are recognised only where the controller's domain is certain: the sender's domain is that of the controller's
 * website and of its contact address.
 */
final class ForwardedMail {

    private static final Pattern FROM_LINE = Pattern.compile(
            "(?i)^\\s*(?:\\*\\s*)?(from|von|de|van|l(ä|a)hett(ä|a)j(ä|a)|发件人|寄件者|寄件人)\\s*\\*?\\s*[:：]\\s*(.+)$");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}");
    private static final int LINES_AFTER_HEADER = 12;

    private ForwardedMail() {
    }

    static boolean isStaff(String sender, Controller controller) {
        if (sender == null || controller.website() == null) {
            return false;
        }
        String contact = controller.contact().email().toLowerCase(Locale.ROOT);
        String domain = contact.substring(contact.indexOf('@') + 1);
        String host;
        try {
            host = URI.create(controller.website()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        return host.equals(domain) && sender.endsWith("@" + domain) && !sender.equals(contact);
    }

    /** The address in the From line below the first forward header of a text, if there is one. */
    static Optional<String> originalSender(String text, PhraseBook book) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!book.isForwardHeader(lines[i])) {
                continue;
            }
            for (int j = i + 1; j < Math.min(lines.length, i + 1 + LINES_AFTER_HEADER); j++) {
                Matcher from = FROM_LINE.matcher(lines[j]);
                if (from.find()) {
                    Matcher address = EMAIL.matcher(from.group(from.groupCount()));
                    if (address.find()) {
                        return Optional.of(address.group().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }
}
