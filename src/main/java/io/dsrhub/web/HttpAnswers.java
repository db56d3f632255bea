package io.dsrhub.web;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes an HTTP answer on the exchange. The request's headers are dropped first so that nothing the client sent
 * (tokens, cookies, form fields) is echoed back as a response header.
 */
public final class HttpAnswers {

    private HttpAnswers() {
    }

    public static Message json(Exchange exchange, int status, String body) {
        return answer(exchange, status, "application/json; charset=utf-8", body);
    }

    public static Message html(Exchange exchange, int status, String body) {
        Message message = answer(exchange, status, "text/html; charset=utf-8", body);
        message.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self' 'unsafe-inline'; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        message.setHeader("X-Frame-Options", "DENY");
        message.setHeader("Referrer-Policy", "no-referrer");
        return message;
    }

    private static Message answer(Exchange exchange, int status, String contentType, String body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Cache-Control", "no-store");
        message.setBody(body);
        return message;
    }
}
