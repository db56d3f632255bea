package io.dsrhub.deadline;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The working calendars the hub knows, by code: every country and subdivision of the jollyday holiday library
 * ({@code FI}, {@code GB-ENG}, {@code GB-SCT}, {@code US-CA}, ...) and every published calendar
 * ({@code config/holidays/*.yaml}, for example {@code CN}). Public holidays and bank holidays count as days off;
 * observances (days marked but not taken off, such as Lincoln's Birthday in California) do not.
 */
public final class WorkingCalendars {

    private static final Pattern CODE = Pattern.compile("^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$");

    private final Map<String, PublishedCalendar> published;
    private final Map<String, WorkingCalendar> calendars = new ConcurrentHashMap<>();

    public WorkingCalendars(Map<String, PublishedCalendar> published) {
        this.published = Map.copyOf(published);
    }

    public boolean supports(String code) {
        return code != null && (published.containsKey(code) || librarySupports(code));
    }

    public Optional<WorkingCalendar> find(String code) {
        if (!supports(code)) {
            return Optional.empty();
        }
        return Optional.of(calendars.computeIfAbsent(code, this::build));
    }

    public WorkingCalendar require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("no working calendar " + code));
    }

    public Set<String> publishedCodes() {
        return published.keySet();
    }

    private WorkingCalendar build(String code) {
        return new WorkingCalendar(code, librarySupports(code) ? libraryHolidays(code) : null, published.get(code));
    }

    private static boolean librarySupports(String code) {
        Matcher m = CODE.matcher(code);
        if (!m.matches()) {
            return false;
        }
        String country = m.group(1).toLowerCase(Locale.ROOT);
        if (!HolidayManager.getSupportedCalendarCodes().contains(m.group(1))) {
            return false;
        }
        return m.group(2) == null || HolidayManager.getInstance(ManagerParameters.create(country))
                .getCalendarHierarchy().getChildren().containsKey(m.group(2).toLowerCase(Locale.ROOT));
    }

    private static java.util.function.IntFunction<Set<LocalDate>> libraryHolidays(String code) {
        Matcher m = CODE.matcher(code);
        m.matches();
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(m.group(1).toLowerCase(Locale.ROOT)));
        String[] subdivision = m.group(2) == null ? new String[0] : new String[] {m.group(2).toLowerCase(Locale.ROOT)};
        return year -> manager.getHolidays(Year.of(year), subdivision).stream()
                .filter(h -> h.getType() != HolidayType.OBSERVANCE)
                .map(Holiday::getDate)
                .collect(Collectors.toUnmodifiableSet());
    }
}
