package io.dsrhub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the exception that ended an API exchange into its HTTP answer: an {@link HttpProblem} into its status and
 * a JSON body naming each bad field, anything else into a 500 with an incident id that is logged (without the
 * request's content) so operators can find it.
 */
public final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private final ObjectMapper json = new ObjectMapper();

    /** Logs an unexpected failure under a new incident id (which the client is given) and returns the id. */
    public static String logIncident(Exchange exchange, Exception cause) {
        String incident = UUID.randomUUID().toString();
        LOG.error("incident {} on route {}: {}", incident, exchange.getFromRouteId(),
                cause == null ? "unknown" : cause.getClass().getName(), cause);
        return incident;
    }

    public void toJson(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ObjectNode body = json.createObjectNode();
        int status;
        if (cause instanceof HttpProblem problem) {
            status = problem.status();
            body.put("error", problem.getMessage());
            if (!problem.errors().isEmpty()) {
                ArrayNode errors = body.putArray("errors");
                for (FieldError e : problem.errors()) {
                    errors.addObject().put("field", e.field()).put("message", e.message());
                }
            }
        } else {
            status = 500;
            body.put("error", "internal error");
            body.put("incident", logIncident(exchange, cause));
        }
        HttpAnswers.json(exchange, status, body.toString());
        if (status == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer");
        }
    }
}
