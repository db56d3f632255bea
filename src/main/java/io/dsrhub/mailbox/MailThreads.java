package io.dsrhub.mailbox;

import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.domain.SubjectRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds the request an inbound message belongs to: a reply names one of the request's messages in In-Reply-To or
 * References (the hub's outbound mail, or the subject's own earlier mail), or quotes the request's reference
 * ({@code [DSR-7K3M-9QXP]}) in its subject. Only requests of the mailbox's own controller are matched. This is the
 * place later steps (verification codes by reply, clarifications) ask "which request is this about?".
 */
public final class MailThreads {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)\\bDSR-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})\\b");
    private static final Pattern HUB_MESSAGE_ID = Pattern.compile("<dsr\\.[0-9a-f-]{36}@[A-Za-z0-9.-]{1,253}>");

    private final JdbcClient jdbc;

    public MailThreads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ThreadMatch> find(InboundMail mail) {
        Optional<ThreadMatch> byHeaders = byMessageIds(mail.controllerId(), mail.threadIds(), ThreadMatch.HEADERS);
        if (byHeaders.isPresent()) {
            return byHeaders;
        }
        Matcher reference = REFERENCE.matcher(mail.subject() == null ? "" : mail.subject());
        if (reference.find()) {
            String ref = ("DSR-" + reference.group(1) + "-" + reference.group(2)).toUpperCase(Locale.ROOT);
            Optional<String> request = jdbc.sql("SELECT id FROM subject_request WHERE reference = :ref "
                            + "AND controller_id = :controller")
                    .param("ref", ref).param("controller", mail.controllerId()).query(String.class).optional();
            if (request.isPresent()) {
                return Optional.of(new ThreadMatch(request.get(), ThreadMatch.SUBJECT_REFERENCE));
            }
        }
        return Optional.empty();
    }

    /** For delivery reports: the request whose outbound mail the report quotes (its Message-ID in the body). */
    public Optional<ThreadMatch> findQuoted(InboundMail mail) {
        Optional<ThreadMatch> direct = find(mail);
        if (direct.isPresent()) {
            return direct;
        }
        List<String> quoted = new ArrayList<>();
        Matcher m = HUB_MESSAGE_ID.matcher(mail.text());
        while (m.find() && quoted.size() < 20) {
            quoted.add(m.group());
        }
        return byMessageIds(mail.controllerId(), quoted, ThreadMatch.QUOTED_MESSAGE_ID);
    }

    /** Whether a Message-ID is one the hub itself gave to a message it sent. */
    public boolean isHubMessage(String messageId) {
        return messageId != null && jdbc.sql("SELECT COUNT(*) FROM outbound_message WHERE message_id = :id")
                .param("id", messageId).query(Long.class).single() > 0;
    }

    /** Whether an address is the request's reply address or one of its e-mail identities. */
    public static boolean senderMatches(SubjectRequest request, String sender) {
        if (sender == null) {
            return false;
        }
        String address = sender.toLowerCase(Locale.ROOT);
        if (address.equalsIgnoreCase(request.replyTo())) {
            return true;
        }
        return request.identities().stream()
                .anyMatch(i -> i.type() == IdentityType.EMAIL && Identity.RAW.equals(i.format())
                        && i.value().equalsIgnoreCase(address));
    }

    private Optional<ThreadMatch> byMessageIds(String controllerId, List<String> ids, String matchedBy) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> requestByMessage = new HashMap<>();
        jdbc.sql("SELECT o.message_id, o.request_id FROM outbound_message o JOIN subject_request r "
                        + "ON r.id = o.request_id WHERE o.message_id IN (:ids) AND r.controller_id = :controller")
                .param("ids", ids).param("controller", controllerId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> requestByMessage.putIfAbsent(e.getKey(), e.getValue()));
        jdbc.sql("SELECT message_id, request_id FROM inbound_message WHERE message_id IN (:ids) "
                        + "AND controller_id = :controller AND request_id IS NOT NULL")
                .param("ids", ids).param("controller", controllerId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> requestByMessage.putIfAbsent(e.getKey(), e.getValue()));
        for (String id : ids) {
            String request = requestByMessage.get(id);
            if (request != null) {
                return Optional.of(new ThreadMatch(request, matchedBy));
            }
        }
        return Optional.empty();
    }
}
