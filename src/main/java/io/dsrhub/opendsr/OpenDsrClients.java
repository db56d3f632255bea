package io.dsrhub.opendsr;

import io.dsrhub.controller.Controller;
import io.dsrhub.security.BearerToken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call the OpenDSR endpoints, and for which controller: each controller that takes OpenDSR requests has
 * its own bearer token (environment variable {@code DSR_OPENDSR_TOKEN_<ID>}); the token a caller presents decides
 * the controller its requests belong to.
 */
public final class OpenDsrClients {

    private final Map<String, BearerToken> tokens;

    public OpenDsrClients(Map<String, BearerToken> tokensByController) {
        this.tokens = new LinkedHashMap<>(tokensByController);
    }

    public static String variableFor(Controller controller) {
        return "DSR_OPENDSR_TOKEN_" + controller.id().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** The controller whose token the {@code Authorization} header carries. */
    public Optional<String> controllerFor(String authorizationHeader) {
        for (Map.Entry<String, BearerToken> entry : tokens.entrySet()) {
            if (entry.getValue().accepts(authorizationHeader)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }
}
