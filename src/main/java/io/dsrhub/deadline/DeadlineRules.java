package io.dsrhub.deadline;

import java.nio.file.Path;

/**
 * The rules the deadline engine counts with: the working calendars (the holiday library and the published
 * calendars of {@code dsr.deadline.holidays-dir}) and the regimes of {@code dsr.deadline.regimes-file}.
 */
public record DeadlineRules(RegimeCatalogue regimes, WorkingCalendars calendars) {

    /** Loads and checks both; a mistake fails with a message naming the file and the key. */
    public static DeadlineRules load(Path regimesFile, Path holidaysDir) {
        WorkingCalendars calendars = new WorkingCalendars(new PublishedCalendarReader().readDirectory(holidaysDir));
        RegimeCatalogue regimes = new RegimeFileReader(calendars).read(regimesFile);
        return new DeadlineRules(regimes, calendars);
    }
}
