package io.dsrhub.mailbox;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands a reply on a request's thread to the first {@link ThreadReplyHandler} that handles the request's state.
 * Handlers are found in the registry when the first reply arrives, so a later feature adds one by binding a bean.
 */
public final class ThreadReplies {

    private final Supplier<List<ThreadReplyHandler>> lookup;
    private volatile List<ThreadReplyHandler> handlers;

    public ThreadReplies(Supplier<List<ThreadReplyHandler>> lookup) {
        this.lookup = lookup;
    }

    /** @return what the handler did, or empty when no handler takes the request's state */
    public Optional<String> dispatch(ThreadReply reply) {
        for (ThreadReplyHandler handler : handlers()) {
            if (handler.handles(reply.request())) {
                return Optional.of(handler.onReply(reply));
            }
        }
        return Optional.empty();
    }

    /** The reply's own text as the handler that takes it wants it kept (codes removed, ...). */
    public String recordedText(ThreadReply reply) {
        for (ThreadReplyHandler handler : handlers()) {
            if (handler.handles(reply.request())) {
                return handler.recordedText(reply.ownText());
            }
        }
        return reply.ownText();
    }

    private List<ThreadReplyHandler> handlers() {
        List<ThreadReplyHandler> known = handlers;
        if (known == null) {
            known = lookup.get().stream().sorted(Comparator.comparing(h -> h.getClass().getName())).toList();
            handlers = known;
        }
        return known;
    }
}
