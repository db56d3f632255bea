package io.dsrhub.web;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;

/** Reads an HTTP request body as text, refusing bodies over the configured limit. */
public final class RequestBodies {

    private final long maxBytes;

    public RequestBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public String read(Exchange exchange) {
        checkDeclaredLength(exchange);
        byte[] bytes = exchange.getIn().getBody(byte[].class);
        if (bytes == null) {
            return "";
        }
        if (bytes.length > maxBytes) {
            throw HttpProblem.tooLarge(maxBytes);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Refuses a body whose declared length is over the limit (for bodies the HTTP server has parsed already). */
    public void checkDeclaredLength(Exchange exchange) {
        Long declared = exchange.getIn().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBytes) {
            throw HttpProblem.tooLarge(maxBytes);
        }
    }

    public long maxBytes() {
        return maxBytes;
    }
}
