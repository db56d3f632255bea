package io.dsrhub.outbox;

import java.util.Locale;
import java.util.UUID;

/** Message-IDs for mail the hub sends, in the sender's domain so that replies thread back to the request. */
public final class MessageIds {

    private MessageIds() {
    }

    public static String forSender(String senderAddress) {
        int at = senderAddress.lastIndexOf('@');
        String domain = at < 0 ? "dsr-hub.invalid" : senderAddress.substring(at + 1).toLowerCase(Locale.ROOT);
        return "<dsr." + UUID.randomUUID() + "@" + domain + ">";
    }
}
