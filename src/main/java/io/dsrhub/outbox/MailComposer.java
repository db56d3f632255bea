package io.dsrhub.outbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Turns an outbox entry into the MIME message camel-mail sends as it is. The Message-ID is the one the outbox
 * recorded, so that a reply's In-Reply-To finds its request; hub mail is marked {@code Auto-Submitted} so that
 * well-behaved auto-responders do not answer it.
 */
public final class MailComposer {

    private final Session session = Session.getInstance(new Properties());

    public MimeMessage compose(OutboundMessage message) throws MessagingException {
        MimeMessage mime = new FixedIdMimeMessage(session, message.messageId());
        mime.setFrom(new InternetAddress(message.sender(), true));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(new Date());
        mime.setText(message.body(), StandardCharsets.UTF_8.name(), "plain");
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("X-Auto-Response-Suppress", "All");
        if (message.inReplyTo() != null && !message.inReplyTo().isBlank()) {
            mime.setHeader("In-Reply-To", message.inReplyTo());
            mime.setHeader("References", message.inReplyTo());
        }
        mime.saveChanges();
        return mime;
    }

    /** Keeps the Message-ID the outbox chose instead of letting Jakarta Mail make a new one on save. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
