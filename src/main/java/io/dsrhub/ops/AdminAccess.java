package io.dsrhub.ops;

import io.dsrhub.security.BearerToken;
import io.dsrhub.web.HttpProblem;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * Guards the operator API: every call needs {@code Authorization: Bearer <DSR_ADMIN_TOKEN>}. The optional
 * {@code X-Operator} header names the person acting, for the audit trail.
 */
public final class AdminAccess {

    public static final String OPERATOR = "dsrOperator";
    private static final Pattern OPERATOR_NAME = Pattern.compile("^[\\p{L}\\p{N} ._@-]{1,80}$");

    private final BearerToken token;

    public AdminAccess(BearerToken token) {
        this.token = token;
    }

    public void check(Exchange exchange) {
        if (!token.accepts(exchange.getIn().getHeader("Authorization", String.class))) {
            throw HttpProblem.unauthorized();
        }
        String name = exchange.getIn().getHeader("X-Operator", String.class);
        exchange.setProperty(OPERATOR, "operator:" + (name != null && OPERATOR_NAME.matcher(name).matches() ? name : "admin-token"));
        exchange.getIn().removeHeader("Authorization");
    }
}
