package io.dsrhub.mailbox;

import io.dsrhub.ledger.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The record of every message taken from a mailbox ({@code inbound_message}) and of its attachments
 * ({@code inbound_attachment}). {@link #claim} is the first write of the transaction that handles a message: its
 * unique key makes a second hub instance (or a redelivery) wait, then fail with {@link DuplicateKeyException}, so a
 * message is handled once.
 */
public final class InboundMessages {

    static final int MAX_BODY_CHARS = 100_000;

    private final JdbcClient jdbc;

    public InboundMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws DuplicateKeyException when the message was taken before (or is being taken by another instance) */
    public long claim(InboundMail mail, Instant receivedAt) {
        jdbc.sql("INSERT INTO inbound_message (message_key, controller_id, message_id, outcome, sender, subject, "
                        + "size_bytes, sent_at, received_at) VALUES (:key, :controller, :messageId, 'TAKING', :sender, "
                        + ":subject, :size, :sent, :received)")
                .param("key", mail.messageKey()).param("controller", mail.controllerId())
                .param("messageId", mail.messageId()).param("sender", clip(mail.senderAddress(), 320))
                .param("subject", clip(mail.subject(), 998)).param("size", mail.size())
                .param("sent", Timestamps.toDb(mail.sentAt())).param("received", Timestamps.toDb(receivedAt))
                .update();
        return jdbc.sql("SELECT id FROM inbound_message WHERE message_key = :key").param("key", mail.messageKey())
                .query(Long.class).single();
    }

    /** Records what the claimed message became. */
    public void complete(long id, MailOutcome outcome, String requestId, String reason, ThreadMatch match,
            Boolean senderMatches, String language, String classification, String bodyText) {
        jdbc.sql("UPDATE inbound_message SET outcome = :outcome, request_id = :request, reason = :reason, "
                        + "matched_by = :matchedBy, sender_matches = :senderMatches, language = :language, "
                        + "classification = :classification, body_text = :body WHERE id = :id")
                .param("outcome", outcome.name()).param("request", requestId).param("reason", clip(reason, 400))
                .param("matchedBy", match == null ? null : match.matchedBy()).param("senderMatches", senderMatches)
                .param("language", language).param("classification", clip(classification, 2000))
                .param("body", clip(bodyText, MAX_BODY_CHARS)).param("id", id)
                .update();
    }

    public Optional<InboundMessage> find(String messageKey) {
        return jdbc.sql("SELECT * FROM inbound_message WHERE message_key = :key").param("key", messageKey)
                .query((rs, n) -> map(rs)).optional();
    }

    public InboundMessage get(long id) {
        return jdbc.sql("SELECT * FROM inbound_message WHERE id = :id").param("id", id).query((rs, n) -> map(rs))
                .single();
    }

    /** The messages recorded on a request, oldest first. */
    public List<InboundMessage> forRequest(String requestId) {
        return jdbc.sql("SELECT * FROM inbound_message WHERE request_id = :id ORDER BY id").param("id", requestId)
                .query((rs, n) -> map(rs)).list();
    }

    // ---- attachments --------------------------------------------------------------------------------------------

    public void addAttachment(long inboundId, String requestId, MailAttachment attachment, String sha256,
            String objectKey, AttachmentStatus status, String reason) {
        jdbc.sql("INSERT INTO inbound_attachment (inbound_id, request_id, part_index, file_name, content_type, "
                        + "size_bytes, sha256, object_key, status, reason) VALUES (:inbound, :request, :index, :name, "
                        + ":type, :size, :sha, :key, :status, :reason)")
                .param("inbound", inboundId).param("request", requestId).param("index", attachment.index())
                .param("name", attachment.fileName()).param("type", clip(attachment.contentType(), 255))
                .param("size", attachment.size()).param("sha", sha256).param("key", objectKey)
                .param("status", status.name()).param("reason", clip(reason, 400))
                .update();
    }

    public List<StoredAttachment> attachments(long inboundId) {
        return jdbc.sql("SELECT * FROM inbound_attachment WHERE inbound_id = :id ORDER BY part_index")
                .param("id", inboundId).query((rs, n) -> attachment(rs)).list();
    }

    public List<StoredAttachment> attachmentsOfRequest(String requestId) {
        return jdbc.sql("SELECT * FROM inbound_attachment WHERE request_id = :id ORDER BY id")
                .param("id", requestId).query((rs, n) -> attachment(rs)).list();
    }

    public void markAttachment(long attachmentId, AttachmentStatus status, String reason) {
        jdbc.sql("UPDATE inbound_attachment SET status = :status, reason = :reason WHERE id = :id")
                .param("status", status.name()).param("reason", clip(reason, 400)).param("id", attachmentId).update();
    }

    private static StoredAttachment attachment(ResultSet rs) throws SQLException {
        return new StoredAttachment(rs.getLong("id"), rs.getLong("inbound_id"), rs.getString("request_id"),
                rs.getInt("part_index"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("object_key"),
                AttachmentStatus.valueOf(rs.getString("status")), rs.getString("reason"));
    }

    private static InboundMessage map(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new InboundMessage(rs.getLong("id"), rs.getString("message_key"), rs.getString("controller_id"),
                rs.getString("message_id"), rs.getString("request_id"),
                outcome.equals("TAKING") ? null : MailOutcome.valueOf(outcome), rs.getString("reason"),
                rs.getString("matched_by"), rs.getString("sender"), (Boolean) rs.getObject("sender_matches"),
                rs.getString("subject"), rs.getString("language"), rs.getString("classification"),
                rs.getString("body_text"), rs.getLong("size_bytes"),
                Timestamps.fromDb(rs.getObject("received_at", OffsetDateTime.class)));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** Where an attachment stands. */
    public enum AttachmentStatus {
        /** accepted; waiting to be written to the evidence bucket after the transaction */
        PENDING,
        /** in the evidence bucket */
        STORED,
        /** refused (too large, too many, an archive bomb, undecodable), with the reason */
        REJECTED,
        /** accepted, but could not be stored after the last attempt */
        FAILED
    }

    /** An attachment as recorded. {@code objectKey} holds only the request id and a generated name. */
    public record StoredAttachment(long id, long inboundId, String requestId, int partIndex, String fileName,
            String contentType, long sizeBytes, String sha256, String objectKey, AttachmentStatus status,
            String reason) {
    }
}
