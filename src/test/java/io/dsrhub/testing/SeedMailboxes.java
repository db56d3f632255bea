package io.dsrhub.testing;

import java.util.List;

/**
 * The seed controllers' mailboxes on a {@link TestMailServer}, and the settings that point a hub's mailbox routes at
 * them (plain IMAP, quick polling).
 */
public final class SeedMailboxes {

    public static final String IRONZON = "support@ironzon.com";
    public static final String IID2SECURE = "technical-support@iid2secure.nl";
    public static final String ISMARTHOMEQ = "esmartcam@outlook.com";
    public static final String ISOCKET = "dsr-address-not-in-policy@isocket.invalid";
    public static final String IKOTEK = "info@ikotek.com";
    public static final List<String> ALL = List.of(IRONZON, IID2SECURE, ISMARTHOMEQ, ISOCKET, IKOTEK);

    private SeedMailboxes() {
    }

    /** Creates each controller's mailbox (login and password are the address) and points the hub at them. */
    public static HubInstance.Builder on(TestMailServer mail, HubInstance.Builder hub) {
        for (String address : ALL) {
            mail.greenMail().setUser(address, address, address);
        }
        return hub.mail(mail)
                .property("dsr.mailbox.host", "127.0.0.1")
                .property("dsr.mailbox.port", Integer.toString(mail.imapPort()))
                .property("dsr.mailbox.protocol", "imap")
                .property("dsr.mailbox.poll-delay", "200")
                .property("dsr.mailbox.initial-delay", "100");
    }
}
