package io.dsrhub.controller;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub does not start with a bad controller file, and says which file and key are wrong. */
class ControllerConfigAtStartUpTest {

    @TempDir
    Path controllers;

    @Test
    void startUpFailsNamingTheFileAndTheKey() throws Exception {
        String good = Files.readString(Path.of("config/controllers/isocket.yaml"));
        Files.writeString(controllers.resolve("isocket.yaml"), good.replace("unit: calendar-months", "unit: lunar-months"));
        try (TestDatabase database = TestDatabase.h2()) {
            assertThatThrownBy(() -> HubInstance.builder().database(database)
                    .property("dsr.controllers.dir", controllers.toString()).start())
                    .hasStackTraceContaining("isocket.yaml: key 'promise.unit': expected one of calendar-days, "
                            + "business-days, calendar-months; got 'lunar-months'");
        }
    }
}
