package io.dsrhub.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.web.FieldError;
import io.dsrhub.web.HttpProblem;
import io.dsrhub.web.RequestBodies;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * Rate limits on new requests, before intake: per source address, and (API) per e-mail identity named. Exceeding
 * either answers 429 with a Retry-After and a body that says which limit, not a 500.
 */
public final class SubmissionLimits {

    private final ObjectMapper json = new ObjectMapper();
    private final RateLimits limits;
    private final RequestBodies bodies;

    public SubmissionLimits(RateLimits limits, RequestBodies bodies) {
        this.limits = limits;
        this.bodies = bodies;
    }

    /** For the JSON API: per source address and per e-mail identity (the body is read, not consumed). */
    public void checkApi(Exchange exchange) {
        checkSource(exchange);
        for (String email : emails(exchange)) {
            if (!limits.take(RateLimits.Scope.REQUEST_PER_IDENTITY, email)) {
                refuse(exchange, "identities", "too many requests for this identity; try again later");
            }
        }
    }

    /** For the web form: per source address. */
    public void checkSource(Exchange exchange) {
        if (!limits.take(RateLimits.Scope.REQUEST_PER_SOURCE, SourceAddress.of(exchange))) {
            refuse(exchange, "source", "too many requests from this address; try again later");
        }
    }

    private void refuse(Exchange exchange, String field, String problem) {
        throw new HttpProblem(429, "too many requests", List.of(new FieldError(field, problem + " (retry after "
                + limits.window().toSeconds() + " seconds)")));
    }

    private List<String> emails(Exchange exchange) {
        List<String> emails = new ArrayList<>();
        String text;
        try {
            text = bodies.read(exchange);
            exchange.getIn().setBody(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return emails; // intake answers the bad body
        }
        try {
            JsonNode root = json.readTree(text);
            JsonNode identities = root == null ? null : root.get("identities");
            if (identities != null && identities.isArray()) {
                for (JsonNode identity : identities) {
                    if (identity.isObject() && "email".equals(identity.path("type").asText())
                            && identity.path("value").isTextual()) {
                        emails.add(identity.path("value").asText());
                    }
                }
            }
            JsonNode requester = root == null ? null : root.path("requester").path("email");
            if (requester != null && requester.isTextual()) {
                emails.add(requester.asText());
            }
        } catch (IOException e) {
            return emails;
        }
        return emails.stream().distinct().limit(5).toList();
    }
}
