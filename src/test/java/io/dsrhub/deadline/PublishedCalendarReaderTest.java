package io.dsrhub.deadline;

import static io.dsrhub.deadline.DeadlineFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Published calendars (config/holidays/*.yaml): the shipped China calendar, and mistakes named by key. */
class PublishedCalendarReaderTest {

    private final PublishedCalendarReader reader = new PublishedCalendarReader();

    private static final String GOOD = """
            calendar: CN
            name: test
            years:
              2025:
                source: "notice"
                days-off: [2025-10-01..2025-10-08]
                working-days: [2025-09-28, 2025-10-11]
            """;

    private PublishedCalendar read(String yaml) {
        return reader.read("CN.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theShippedChinaCalendarHasTheStateCouncilNoticesOf2024To2026() {
        PublishedCalendar china = reader.readDirectory(Path.of("config/holidays")).get("CN");
        assertThat(china.years().keySet()).containsExactlyInAnyOrder(2024, 2025, 2026);
        assertThat(china.year(2025).orElseThrow().source()).contains("国办发明电〔2024〕12号");
        assertThat(china.year(2025).orElseThrow().daysOff()).contains(d("2025-01-28"), d("2025-02-04"))
                .doesNotContain(d("2025-02-05"));
        assertThat(china.year(2024).orElseThrow().workingDays()).containsExactlyInAnyOrder(d("2024-02-04"),
                d("2024-02-18"), d("2024-04-07"), d("2024-04-28"), d("2024-05-11"), d("2024-09-14"), d("2024-09-29"),
                d("2024-10-12"));
        assertThat(china.year(2026).orElseThrow().daysOff()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
    }

    @Test
    void rangesIncludeBothEnds() {
        assertThat(read(GOOD).year(2025).orElseThrow().daysOff()).hasSize(8);
    }

    @Test
    void aMakeUpDayOnAWeekdayIsRefused() {
        assertThatThrownBy(() -> read(GOOD.replace("2025-10-11]", "2025-10-10]")))
                .isInstanceOf(DeadlineConfigException.class)
                .hasMessageContaining("key 'years.2025.working-days'").hasMessageContaining("2025-10-10 is a FRIDAY");
    }

    @Test
    void aDateOutsideItsYearIsRefused() {
        assertThatThrownBy(() -> read(GOOD.replace("2025-10-01..2025-10-08", "2026-10-01")))
                .hasMessageContaining("key 'years.2025.days-off[0]'").hasMessageContaining("is not in 2025");
    }

    @Test
    void aDayListedTwiceIsRefused() {
        assertThatThrownBy(() -> read(GOOD.replace("[2025-10-01..2025-10-08]", "[2025-10-01..2025-10-08, 2025-10-03]")))
                .hasMessageContaining("key 'years.2025.days-off[1]'").hasMessageContaining("2025-10-03 is listed twice");
        assertThatThrownBy(() -> read(GOOD.replace("2025-10-11]", "2025-10-04]")))
                .hasMessageContaining("2025-10-04 is also listed under days-off");
    }

    @Test
    void aBadDateOrRangeIsRefused() {
        assertThatThrownBy(() -> read(GOOD.replace("2025-10-01..2025-10-08", "1 Oct")))
                .hasMessageContaining("key 'years.2025.days-off[0]'").hasMessageContaining("got '1 Oct'");
        assertThatThrownBy(() -> read(GOOD.replace("2025-10-01..2025-10-08", "2025-10-08..2025-10-01")))
                .hasMessageContaining("ends before it starts");
    }

    @Test
    void anUnknownKeyIsRefused() {
        assertThatThrownBy(() -> read(GOOD.replace("source: \"notice\"", "source: \"notice\"\n    bridges: []")))
                .hasMessageContaining("key 'years.2025.bridges'").hasMessageContaining("days-off, source, working-days");
    }

    @Test
    void theFileNameMustBeTheCalendarCode(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("HK.yaml"), GOOD);
        assertThatThrownBy(() -> reader.readDirectory(dir)).hasMessageContaining("HK.yaml: key 'calendar'")
                .hasMessageContaining("expected 'HK'");
    }
}
