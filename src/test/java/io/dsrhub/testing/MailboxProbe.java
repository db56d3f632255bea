package io.dsrhub.testing;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Looks into a mailbox over IMAP, as a mail client would: which messages are unread, what a folder holds. */
public final class MailboxProbe {

    private final int port;
    private final String user;

    public MailboxProbe(int imapPort, String user) {
        this.port = imapPort;
        this.user = user;
    }

    /** Messages in a folder not yet marked read; 0 when the folder does not exist. */
    public int unseen(String folder) {
        return withFolder(folder, f -> {
            int unseen = 0;
            for (Message m : f.getMessages()) {
                if (!m.isSet(Flags.Flag.SEEN) && !m.isSet(Flags.Flag.DELETED)) {
                    unseen++;
                }
            }
            return unseen;
        });
    }

    /** The Message-IDs of the messages in a folder (deleted ones left out); empty when the folder does not exist. */
    public List<String> messageIds(String folder) {
        return withFolder(folder, f -> {
            List<String> ids = new ArrayList<>();
            for (Message m : f.getMessages()) {
                if (!m.isSet(Flags.Flag.DELETED)) {
                    String[] id = m.getHeader("Message-ID");
                    ids.add(id == null ? null : id[0].strip());
                }
            }
            return ids;
        });
    }

    /** Marks every message of a folder unread again, as if the hub had died before flagging them. */
    public void markAllUnseen(String folder) {
        withFolder(folder, f -> {
            for (Message m : f.getMessages()) {
                m.setFlag(Flags.Flag.SEEN, false);
            }
            return null;
        });
    }

    private interface FolderWork<T> {
        T apply(Folder folder) throws MessagingException;
    }

    private <T> T withFolder(String name, FolderWork<T> work) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("127.0.0.1", port, user, user);
            try {
                Folder folder = store.getFolder(name);
                if (!folder.exists()) {
                    return work.apply(new EmptyFolder(store, name));
                }
                folder.open(Folder.READ_WRITE);
                try {
                    return work.apply(folder);
                } finally {
                    folder.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("IMAP probe of " + name + " failed", e);
        }
    }

    /** Stands in for a folder that does not exist yet: no messages. */
    private static final class EmptyFolder extends Folder {

        private final String name;

        EmptyFolder(Store store, String name) {
            super(store);
            this.name = name;
        }

        @Override public String getName() { return name; }
        @Override public String getFullName() { return name; }
        @Override public Folder getParent() { return null; }
        @Override public boolean exists() { return false; }
        @Override public Folder[] list(String pattern) { return new Folder[0]; }
        @Override public char getSeparator() { return '.'; }
        @Override public int getType() { return HOLDS_MESSAGES; }
        @Override public boolean create(int type) { return false; }
        @Override public boolean hasNewMessages() { return false; }
        @Override public Folder getFolder(String name) { return null; }
        @Override public boolean delete(boolean recurse) { return false; }
        @Override public boolean renameTo(Folder f) { return false; }
        @Override public void open(int mode) { }
        @Override public void close(boolean expunge) { }
        @Override public boolean isOpen() { return true; }
        @Override public Flags getPermanentFlags() { return new Flags(); }
        @Override public int getMessageCount() { return 0; }
        @Override public Message getMessage(int msgnum) { throw new IndexOutOfBoundsException(); }
        @Override public Message[] getMessages() { return new Message[0]; }
        @Override public void appendMessages(Message[] msgs) { }
        @Override public Message[] expunge() { return new Message[0]; }
    }
}
