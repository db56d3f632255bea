package io.dsrhub.deadline;

import static io.dsrhub.deadline.DeadlineFixtures.FAR_PROMISE;
import static io.dsrhub.deadline.DeadlineFixtures.controller;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.controller.ControllerConfigException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A controller's holiday-calendar must be one the hub knows; the shipped controllers' are. */
class DeadlineStartupCheckTest {

    private final DeadlineStartupCheck check = new DeadlineStartupCheck("config/controllers");

    @Test
    void theShippedControllersNameKnownCalendars() {
        ControllerCatalogue shipped = new io.dsrhub.controller.ControllerCatalogueLoader().load(Path.of("config/controllers"));
        assertThatCode(() -> check.check(shipped, DeadlineFixtures.RULES, LocalDate.of(2025, 6, 1)))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnknownCalendarStopsStartUpNamingTheFileAndTheKey() {
        ControllerCatalogue catalogue = new ControllerCatalogue(Map.of("test-controller",
                controller("Europe/Helsinki", "ZZ-QQ", null, FAR_PROMISE)));
        assertThatThrownBy(() -> check.check(catalogue, DeadlineFixtures.RULES, LocalDate.of(2025, 6, 1)))
                .isInstanceOf(ControllerConfigException.class)
                .hasMessageStartingWith("config/controllers/test-controller.yaml: key 'holiday-calendar': "
                        + "'ZZ-QQ' is not a calendar the hub knows");
    }
}
