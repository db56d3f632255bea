package io.dsrhub.mailbox;

import io.dsrhub.freetext.PhraseBook;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells mail sent by a machine from mail written by a person: bounces and delivery reports, out-of-office and other
 * automatic replies (RFC 3834 Auto-Submitted, Precedence, X-Autoreply, the subjects of the language files),
 * mailing lists, mail loops, and the hub's own mail coming back. Such mail never becomes a request and is never
 * answered.
 */
public final class AutomatedMail {

    static final int MAX_RECEIVED_HEADERS = 30;
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon", "maildaemon");
    private static final Set<String> NO_REPLY = Set.of("noreply", "no-reply", "no_reply", "donotreply",
            "do-not-reply", "do_not_reply");
    private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply", "auto-reply");

    private final PhraseBook book;
    private final Set<String> hubAddresses;

    /** @param hubAddresses the addresses the hub sends from (every controller's contact address), lower case */
    public AutomatedMail(PhraseBook book, Collection<String> hubAddresses) {
        this.book = book;
        this.hubAddresses = Set.copyOf(hubAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
    }

    /** Why the message was sent by a machine, or empty when a person wrote it. */
    public Optional<String> reasonFor(InboundMail mail) {
        if (mail.fromAddress() != null && hubAddresses.contains(mail.fromAddress())) {
            return Optional.of("sent by the hub itself (from a controller address)");
        }
        String autoSubmitted = mail.header("auto-submitted");
        if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("Auto-Submitted: " + firstWord(autoSubmitted));
        }
        for (String name : new String[] {"x-autoreply", "x-autorespond", "x-autoresponse"}) {
            if (mail.header(name) != null) {
                return Optional.of("automatic reply (" + name + ")");
            }
        }
        String precedence = mail.header("precedence");
        if (precedence != null && BULK.contains(firstWord(precedence))) {
            return Optional.of("Precedence: " + firstWord(precedence));
        }
        if (mail.contentType().equals("multipart/report")) {
            return Optional.of("delivery or read report (multipart/report)");
        }
        if (mail.header("x-failed-recipients") != null) {
            return Optional.of("delivery failure (X-Failed-Recipients)");
        }
        String returnPath = mail.header("return-path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Optional.of("null sender (Return-Path: <>)");
        }
        if (mail.fromAddress() != null && DAEMONS.contains(localPart(mail.fromAddress()))) {
            return Optional.of("sent by a mail server (" + localPart(mail.fromAddress()) + ")");
        }
        if (mail.header("list-id") != null || mail.header("list-unsubscribe") != null) {
            return Optional.of("mailing list (List-Id / List-Unsubscribe)");
        }
        if (mail.receivedCount() > MAX_RECEIVED_HEADERS) {
            return Optional.of("mail loop (" + mail.receivedCount() + " Received headers)");
        }
        if (book.isAutoReplySubject(mail.subject())) {
            return Optional.of("automatic reply (subject)");
        }
        if (mail.senderAddress() != null && NO_REPLY.contains(localPart(mail.senderAddress()))) {
            return Optional.of("sent from an address that takes no replies");
        }
        return Optional.empty();
    }

    private static String firstWord(String value) {
        String word = value.strip().split("[\\s;,]+")[0].toLowerCase(Locale.ROOT);
        return word.length() > 40 ? word.substring(0, 40) : word;
    }

    private static String localPart(String address) {
        int at = address.indexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
