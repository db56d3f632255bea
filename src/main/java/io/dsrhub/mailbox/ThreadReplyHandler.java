package io.dsrhub.mailbox;

import io.dsrhub.domain.SubjectRequest;

/**
 * Takes replies on a request's thread for one purpose (answering a clarification question, a verification code
 * sent by reply, ...). Handlers are beans in the registry; the first one that {@link #handles} a request's current
 * state gets the reply. A reply no handler takes is recorded on the request and left for an operator.
 */
public interface ThreadReplyHandler {

    /** Whether this handler takes replies to a request in its current state (usually its status). */
    boolean handles(SubjectRequest request);

    /**
     * Acts on a reply. Runs inside the transaction that records the message, so what it writes to the ledger and
     * the outbox is committed exactly once with it; throwing rolls everything back and the message is retried.
     *
     * @return what was done, in a few words, for the record of the inbound message
     */
    String onReply(ThreadReply reply);

    /**
     * The reply's own text as it is kept in the record of the inbound message; a handler that takes secrets by reply
     * (verification codes) removes them.
     */
    default String recordedText(String ownText) {
        return ownText;
    }
}
