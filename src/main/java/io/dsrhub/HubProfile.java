package io.dsrhub;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Which way the hub runs. {@code embedded} (the default) fills every missing setting with an embedded server or a
 * generated secret so that the hub starts on a bare machine; {@code production} starts none of them and refuses to
 * start while a setting is missing, naming the key and its environment variable.
 */
public final class HubProfile {

    private final boolean production;
    private final Path dataDir;

    public HubProfile(String profile, String dataDir) {
        String name = profile == null ? "embedded" : profile.trim().toLowerCase(Locale.ROOT);
        if (!name.equals("embedded") && !name.equals("production")) {
            throw new IllegalArgumentException("config/application.properties: key 'dsr.profile' (DSR_PROFILE): "
                    + "expected embedded or production; got '" + profile + "'");
        }
        this.production = name.equals("production");
        this.dataDir = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir);
    }

    public boolean isProduction() {
        return production;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Whether an embedded stand-in is wanted for a setting: only in the embedded profile, only when the setting is
     * empty. In production an empty setting stops start-up.
     */
    public boolean needsEmbedded(String key, String variable, String value) {
        if (value != null && !value.isBlank()) {
            return false;
        }
        if (production) {
            throw new IllegalStateException("config/application.properties: key '" + key + "' is empty; the "
                    + "production profile needs it (set the environment variable " + variable + ")");
        }
        return true;
    }
}
