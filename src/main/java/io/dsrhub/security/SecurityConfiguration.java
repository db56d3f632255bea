package io.dsrhub.security;

import io.dsrhub.HubProfile;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets come from the environment only. In the embedded profile a missing one is generated once and kept under
 * the data directory (the admin token in {@code data/admin-token}); the production profile refuses to start
 * without them.
 */
@Configuration
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @BindToRegistry(value = "generatedSecrets", lazy = true)
    public GeneratedSecrets generatedSecrets(HubProfile profile) {
        return new GeneratedSecrets(profile.dataDir());
    }

    @BindToRegistry(value = "statusTokens", lazy = true)
    public StatusTokens statusTokens(HubProfile profile, GeneratedSecrets generated,
            @PropertyInject("dsr.security.token-secret") String secret) {
        if (profile.needsEmbedded("dsr.security.token-secret", "DSR_TOKEN_SECRET", secret)) {
            return new StatusTokens(generated.getOrCreate("token-secret"));
        }
        return new StatusTokens(secret);
    }

    @BindToRegistry(value = "adminToken", lazy = true)
    public BearerToken adminToken(HubProfile profile, GeneratedSecrets generated,
            @PropertyInject("dsr.admin.token") String token) {
        if (profile.needsEmbedded("dsr.admin.token", "DSR_ADMIN_TOKEN", token)) {
            String made = generated.getOrCreate("admin-token");
            LOG.info("DSR_ADMIN_TOKEN is not set: the operator API token is in {}", generated.pathOf("admin-token"));
            return new BearerToken(made);
        }
        return new BearerToken(token);
    }
}
