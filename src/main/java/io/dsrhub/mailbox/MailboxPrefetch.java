package io.dsrhub.mailbox;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailUidGenerator;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Fetches what the mailbox route will ask about a window of messages in two IMAP round trips instead of several per
 * message: UIDs, flags, sizes and arrival dates first, then the whole content of the small ones (peeking, so nothing
 * is marked read). IMAP latency, not the hub's own work, bounds how fast a mailbox is drained, so this is where the
 * time goes. camel-mail calls it, as its UID generator, for each message it found, before it reads their flags; the
 * id it returns is the message's IMAP UID (camel-mail uses it only for its own bookkeeping).
 */
public final class MailboxPrefetch implements MailUidGenerator {

    private final int window;
    private final long maxContentBytes;
    private final long maxWindowContentBytes;
    private final Set<Message> fetched = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /**
     * @param window                how many messages are described per round trip
     * @param maxContentBytes       messages up to this size have their content fetched with the window
     * @param maxWindowContentBytes at most this much content is held per window
     */
    public MailboxPrefetch(int window, long maxContentBytes, long maxWindowContentBytes) {
        this.window = window;
        this.maxContentBytes = maxContentBytes;
        this.maxWindowContentBytes = maxWindowContentBytes;
    }

    @Override
    public String generateUuid(MailEndpoint endpoint, Message message) {
        prefetch(message);
        try {
            if (message.getFolder() instanceof UIDFolder uids) {
                return "uid:" + uids.getUIDValidity() + ":" + uids.getUID(message);
            }
        } catch (MessagingException e) {
            // fall through: the message number is enough for camel-mail's bookkeeping of IMAP messages
        }
        return "msgnum:" + message.getMessageNumber();
    }

    private void prefetch(Message message) {
        if (window <= 1 || fetched.contains(message) || !(message.getFolder() instanceof UIDFolder)) {
            return;
        }
        Folder folder = message.getFolder();
        try {
            int from = message.getMessageNumber();
            int to = Math.min(folder.getMessageCount(), from + window - 1);
            Message[] messages = folder.getMessages(from, to);
            FetchProfile describe = new FetchProfile();
            describe.add(UIDFolder.FetchProfileItem.UID);
            describe.add(FetchProfile.Item.FLAGS);
            describe.add(FetchProfile.Item.ENVELOPE);
            try {
                folder.fetch(messages, describe);
            } catch (MessagingException e) {
                // some servers cannot describe a message they cannot parse: take what every server can give
                FetchProfile minimal = new FetchProfile();
                minimal.add(UIDFolder.FetchProfileItem.UID);
                minimal.add(FetchProfile.Item.FLAGS);
                folder.fetch(messages, minimal);
            }
            fetchSmallContents(folder, messages);
            for (Message m : messages) {
                fetched.add(m);
            }
        } catch (MessagingException | RuntimeException e) {
            // not worth failing for: every item is then fetched on its own
        }
    }

    private void fetchSmallContents(Folder folder, Message[] messages) {
        if (!(folder instanceof IMAPFolder)) {
            return;
        }
        java.util.List<Message> small = new java.util.ArrayList<>();
        long total = 0;
        for (Message m : messages) {
            try {
                int size = m.getSize();
                if (size >= 0 && size <= maxContentBytes && total + size <= maxWindowContentBytes
                        && !m.isSet(jakarta.mail.Flags.Flag.SEEN)) {
                    small.add(m);
                    total += size;
                }
            } catch (MessagingException | RuntimeException e) {
                // unknown size: fetched on its own, within the reader's limits
            }
        }
        if (small.isEmpty()) {
            return;
        }
        FetchProfile content = new FetchProfile();
        content.add(IMAPFolder.FetchProfileItem.MESSAGE);
        try {
            folder.fetch(small.toArray(new Message[0]), content);
        } catch (MessagingException | RuntimeException e) {
            // read one by one instead
        }
    }
}
