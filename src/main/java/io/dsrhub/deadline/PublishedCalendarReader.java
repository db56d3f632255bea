package io.dsrhub.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads the published calendars of a directory ({@code config/holidays/<CODE>.yaml}). Every mistake names the file
 * and the key: an unknown key, a date that is not in its year, a day listed twice, a "working day" that is not a
 * weekend day (make-up days are weekend days; a weekday is a working day anyway).
 */
public final class PublishedCalendarReader {

    private static final Set<String> TOP = Set.of("calendar", "name", "years");
    private static final Set<String> YEAR = Set.of("source", "days-off", "working-days");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public Map<String, PublishedCalendar> readDirectory(Path directory) {
        Map<String, PublishedCalendar> calendars = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            throw new DeadlineConfigException("dsr.deadline.holidays-dir: '" + directory
                    + "' is not a directory; expected the folder holding one <CODE>.yaml per published calendar", null);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new DeadlineConfigException("dsr.deadline.holidays-dir: cannot list '" + directory + "': "
                    + e.getMessage(), e);
        }
        for (Path file : files) {
            PublishedCalendar calendar;
            try (InputStream in = Files.newInputStream(file)) {
                calendar = read(file.toString(), in);
            } catch (IOException e) {
                throw new DeadlineConfigException(file + ": cannot be read: " + e.getMessage(), e);
            }
            String stem = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            if (!stem.equals(calendar.code())) {
                throw new DeadlineConfigException(file.toString(), "calendar",
                        "expected '" + stem + "' (the file name without .yaml); got '" + calendar.code() + "'");
            }
            calendars.put(calendar.code(), calendar);
        }
        return calendars;
    }

    public PublishedCalendar read(String file, InputStream in) {
        JsonNode root;
        try {
            root = yaml.readTree(in);
        } catch (IOException e) {
            throw new DeadlineConfigException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DeadlineConfigException(file, "calendar", "the file is empty; expected calendar, name, years");
        }
        unknownKeys(file, "", root, TOP);
        String code = text(file, root, "calendar");
        if (!code.matches("^[A-Z]{2}(-[A-Z0-9]{1,3})?$")) {
            throw new DeadlineConfigException(file, "calendar",
                    "expected a country or subdivision code such as CN; got '" + code + "'");
        }
        String name = text(file, root, "name");
        JsonNode years = root.get("years");
        if (years == null || !years.isObject() || years.isEmpty()) {
            throw new DeadlineConfigException(file, "years", "expected one section per announced year, such as 2025:");
        }
        Map<Integer, PublishedCalendar.Year> byYear = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = years.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = "years." + entry.getKey();
            int year;
            try {
                year = Integer.parseInt(entry.getKey());
            } catch (NumberFormatException e) {
                throw new DeadlineConfigException(file, key, "expected a year such as 2025");
            }
            byYear.put(year, year(file, key, year, entry.getValue()));
        }
        return new PublishedCalendar(code, name, byYear);
    }

    private PublishedCalendar.Year year(String file, String key, int year, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new DeadlineConfigException(file, key, "expected source, days-off and working-days");
        }
        unknownKeys(file, key + ".", node, YEAR);
        String source = text(file, node, "source", key + ".source");
        Set<LocalDate> off = days(file, key + ".days-off", year, node.get("days-off"));
        Set<LocalDate> working = days(file, key + ".working-days", year, node.get("working-days"));
        for (LocalDate day : working) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new DeadlineConfigException(file, key + ".working-days", day + " is a " + day.getDayOfWeek()
                        + ", a working day anyway; list only weekend days that are worked");
            }
            if (off.contains(day)) {
                throw new DeadlineConfigException(file, key + ".working-days",
                        day + " is also listed under days-off");
            }
        }
        return new PublishedCalendar.Year(source, Set.copyOf(off), Set.copyOf(working));
    }

    private Set<LocalDate> days(String file, String key, int year, JsonNode list) {
        Set<LocalDate> days = new TreeSet<>();
        if (list == null || list.isNull()) {
            return days;
        }
        if (!list.isArray()) {
            throw new DeadlineConfigException(file, key, "expected a list of dates or ranges such as 2025-10-01..2025-10-08");
        }
        for (int i = 0; i < list.size(); i++) {
            String item = list.get(i).asText();
            String itemKey = key + "[" + i + "]";
            LocalDate from;
            LocalDate to;
            try {
                String[] ends = item.split("\\.\\.", -1);
                if (ends.length > 2) {
                    throw new DateTimeParseException("too many '..'", item, 0);
                }
                from = LocalDate.parse(ends[0].strip());
                to = ends.length == 2 ? LocalDate.parse(ends[1].strip()) : from;
            } catch (DateTimeParseException e) {
                throw new DeadlineConfigException(file, itemKey,
                        "expected a date such as 2025-10-01 or a range such as 2025-10-01..2025-10-08; got '" + item + "'");
            }
            if (to.isBefore(from)) {
                throw new DeadlineConfigException(file, itemKey, "the range ends before it starts: '" + item + "'");
            }
            if (from.getYear() != year || to.getYear() != year) {
                throw new DeadlineConfigException(file, itemKey, "'" + item + "' is not in " + year);
            }
            Set<LocalDate> seen = new HashSet<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (!days.add(d) || !seen.add(d)) {
                    throw new DeadlineConfigException(file, itemKey, d + " is listed twice");
                }
            }
        }
        return days;
    }

    private static String text(String file, JsonNode node, String field) {
        return text(file, node, field, field);
    }

    private static String text(String file, JsonNode node, String field, String key) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new DeadlineConfigException(file, key, "is missing; expected a text value");
        }
        return value.asText().strip();
    }

    private static void unknownKeys(String file, String prefix, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new DeadlineConfigException(file, prefix + name,
                        "is not a known key; expected one of: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }
}
