package io.dsrhub.controller;

import java.nio.file.Path;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** Loads the controller files at start-up, so that a bad file stops the hub before it takes any request. */
@Configuration
public class ControllerConfiguration {

    @BindToRegistry("controllers")
    public ControllerCatalogue controllers(@PropertyInject("dsr.controllers.dir") String directory) {
        return new ControllerCatalogueLoader().load(Path.of(directory));
    }
}
