package io.dsrhub;

import org.apache.camel.main.Main;

/**
 * Starts the hub. Everything else is found by package scanning and configuration
 * ({@code application.properties}, {@code routes/*.yaml}, {@code config/controllers/*.yaml}).
 */
public final class HubApplication {

    private HubApplication() {
    }

    public static void main(String... args) throws Exception {
        new Main(HubApplication.class).run(args);
    }
}
