package io.dsrhub.mailbox;

import io.dsrhub.controller.Controller;
import io.dsrhub.domain.SubjectRequest;

/**
 * A message that arrived on the thread of an existing request, handed to a {@link ThreadReplyHandler}.
 *
 * @param ownText       what the writer wrote (quoted replies left out), where a code or an answer is looked for
 * @param senderMatches whether the sender is the request's reply address or one of its e-mail identities
 */
public record ThreadReply(
        SubjectRequest request,
        Controller controller,
        long inboundId,
        String messageId,
        String senderAddress,
        boolean senderMatches,
        ThreadMatch match,
        String subject,
        String ownText,
        InboundMail mail) {

    /**
     * Whether the reply may change the request: it names the hub's mail in its headers (only a recipient of that
     * mail knows its Message-ID), or it comes from the request's own address.
     */
    public boolean trusted() {
        return match.byHeaders() || senderMatches;
    }

    @Override
    public String toString() {
        return "ThreadReply[request " + request.id() + ", inbound " + inboundId + "]";
    }
}
