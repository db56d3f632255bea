package io.dsrhub;

import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** The hub's profile and its clock (one clock for every date the hub computes, replaceable in tests). */
@Configuration
public class HubConfiguration {

    @BindToRegistry(value = "hubProfile", lazy = true)
    public HubProfile hubProfile(@PropertyInject("dsr.profile") String profile,
            @PropertyInject("dsr.data-dir") String dataDir) {
        return new HubProfile(profile, dataDir);
    }

    @BindToRegistry(value = "clock", lazy = true)
    public Clock clock() {
        return Clock.systemUTC();
    }
}
