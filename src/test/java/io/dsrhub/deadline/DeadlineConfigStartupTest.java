package io.dsrhub.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.testing.HubInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad deadline configuration stops the real hub at start-up, naming the file and the key. */
class DeadlineConfigStartupTest {

    private static Throwable rootOf(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String startFailure(HubInstance.Builder builder) {
        Throwable thrown = null;
        try (HubInstance ignored = builder.start()) {
            // started: the assertion below fails
        } catch (RuntimeException e) {
            thrown = e;
        }
        assertThat(thrown).as("the hub must refuse to start").isNotNull();
        return rootOf(thrown).getMessage();
    }

    @Test
    void aBrokenRegimesFileNamesTheFileAndTheKey(@TempDir Path dir) throws IOException {
        Path regimes = dir.resolve("regimes.yaml");
        Files.writeString(regimes, Files.readString(Path.of("config/regimes.yaml"))
                .replaceFirst("unit: calendar-months", "unit: lunar-months"));
        String message = startFailure(HubInstance.builder().property("dsr.deadline.regimes-file", regimes.toString()));
        assertThat(message).startsWith(regimes + ": key 'regimes[0].rules[0].response.unit': expected one of "
                + "calendar-days, business-days, calendar-months; got 'lunar-months'");
    }

    @Test
    void anUnknownHolidayCalendarOfAControllerNamesTheFileAndTheKey(@TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("config/controllers"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(file);
                Files.writeString(dir.resolve(file.getFileName()), file.getFileName().toString().equals("isocket.yaml")
                        ? text.replace("holiday-calendar: FI", "holiday-calendar: FI-XYZ") : text);
            }
        }
        String message = startFailure(HubInstance.builder().property("dsr.controllers.dir", dir.toString()));
        assertThat(message).isEqualTo(dir + "/isocket.yaml: key 'holiday-calendar': 'FI-XYZ' is not a calendar the "
                + "hub knows; expected a country or subdivision of the holiday library (FI, GB-ENG, GB-SCT, US, US-CA, "
                + "...) or a published calendar of dsr.deadline.holidays-dir (CN)");
    }

    @Test
    void aBadSettingNamesTheKeyAndItsEnvironmentVariable() {
        String message = startFailure(HubInstance.builder().property("dsr.deadline.escalation-lead", "P9D"));
        assertThat(message).isEqualTo("config/application.properties: key 'dsr.deadline.escalation-lead' "
                + "(DSR_DEADLINE_ESCALATION_LEAD): must be shorter than dsr.deadline.reminder-lead (PT168H); got PT216H");
    }
}
