package io.dsrhub.deadline;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.controller.ControllerConfigException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, as the hub starts, what the controller files and the deadline rules must agree on: every controller's
 * {@code holiday-calendar} is a calendar the hub knows (else start-up fails naming the file and the key); and it
 * warns while a published calendar that a controller or regime relies on lacks the current or the next year.
 */
public final class DeadlineStartupCheck implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineStartupCheck.class);

    private final String controllersDir;

    public DeadlineStartupCheck(String controllersDir) {
        this.controllersDir = controllersDir;
    }

    @Override
    public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) {
        ControllerCatalogue controllers = context.getRegistry().findSingleByType(ControllerCatalogue.class);
        DeadlineRules rules = context.getRegistry().lookupByNameAndType("deadlineRules", DeadlineRules.class);
        check(controllers, rules, LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC)));
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // checked while starting
    }

    void check(ControllerCatalogue controllers, DeadlineRules rules, LocalDate today) {
        for (Controller controller : controllers.all()) {
            String code = controller.holidayCalendar();
            if (code != null && !rules.calendars().supports(code)) {
                throw new ControllerConfigException(controllersDir + "/" + controller.id() + ".yaml",
                        "holiday-calendar", "'" + code + "' is not a calendar the hub knows; expected a country or "
                        + "subdivision of the holiday library (FI, GB-ENG, GB-SCT, US, US-CA, ...) or a published "
                        + "calendar of dsr.deadline.holidays-dir (" + String.join(", ", rules.calendars()
                        .publishedCodes()) + ")");
            }
        }
        for (String code : rules.calendars().publishedCodes()) {
            List<Integer> missing = rules.calendars().require(code).uncoveredYears(today, today.plusYears(1));
            if (!missing.isEmpty()) {
                LOG.warn("the {} working calendar has no data for {}: deadlines in those years count Monday to "
                        + "Friday only; add the year's official notice to dsr.deadline.holidays-dir", code, missing);
            }
        }
    }
}
