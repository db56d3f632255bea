package io.dsrhub.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.controller.PeriodUnit;
import io.dsrhub.domain.RequestType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The regimes file: what ships, how a jurisdiction finds its regime, and how a mistake is named. */
class RegimeFileReaderTest {

    private final RegimeFileReader reader = new RegimeFileReader(DeadlineFixtures.RULES.calendars());

    private RegimeCatalogue read(String yaml) {
        return reader.read("regimes.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String GOOD = """
            regimes:
              - id: test-law
                name: Test law
                jurisdictions: [XX]
                clock-starts: receipt
                rules:
                  - source: "Test Act s. 1"
                    response: {within: 30, unit: calendar-days}
            """;

    @Test
    void theShippedFileCoversTheRegimesOfTheIssue() {
        RegimeCatalogue regimes = DeadlineFixtures.RULES.regimes();
        assertThat(regimes.all()).extracting(Regime::id).containsExactly("eu-gdpr", "uk-gdpr", "us-ca-ccpa",
                "us-va-vcdpa", "us-co-cpa", "us-ct-ctdpa", "br-lgpd", "ca-pipeda", "sg-pdpa", "cn-pipl");
        assertThat(regimes.forJurisdiction("FI")).map(Regime::id).contains("eu-gdpr");
        assertThat(regimes.forJurisdiction("EU")).map(Regime::id).contains("eu-gdpr");
        assertThat(regimes.forJurisdiction("GB-SCT")).map(Regime::id).contains("uk-gdpr");
        assertThat(regimes.forJurisdiction("US-CA")).map(Regime::id).contains("us-ca-ccpa");
        assertThat(regimes.forJurisdiction("CA")).map(Regime::id).contains("ca-pipeda");
        assertThat(regimes.forJurisdiction("CA-QC")).map(Regime::id).contains("ca-pipeda");
        assertThat(regimes.forJurisdiction("US")).isEmpty();
        assertThat(regimes.forJurisdiction("US-TX")).isEmpty();
        assertThat(regimes.forJurisdiction("JP")).isEmpty();
        Regime ccpa = regimes.find("us-ca-ccpa").orElseThrow();
        assertThat(ccpa.ruleFor(RequestType.OPT_OUT).response()).isEqualTo(new TimeLimit(15, PeriodUnit.BUSINESS_DAYS, false));
        assertThat(ccpa.ruleFor(RequestType.ERASURE).acknowledgement().within()).isEqualTo(10);
        assertThat(regimes.find("uk-gdpr").orElseThrow().pauseOnClarification()).isTrue();
        assertThat(regimes.find("eu-gdpr").orElseThrow().pauseOnClarification()).isFalse();
        assertThat(regimes.find("cn-pipl").orElseThrow().clockStarts()).isEqualTo(StatutoryClockStart.VERIFICATION);
    }

    @Test
    void aGoodFileReads() {
        assertThat(read(GOOD).forJurisdiction("XX")).map(Regime::name).contains("Test law");
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> read(GOOD.replace("clock-starts: receipt", "clock-starts: receipt\n    grace: 3")))
                .isInstanceOf(DeadlineConfigException.class)
                .hasMessageStartingWith("regimes.yaml: key 'regimes[0].grace': is not a known key")
                .hasMessageContaining("pause-on-clarification");
    }

    @Test
    void aBadUnitNamesTheKeyAndTheUnits() {
        assertThatThrownBy(() -> read(GOOD.replace("calendar-days", "fortnights")))
                .hasMessageContaining("key 'regimes[0].rules[0].response.unit'")
                .hasMessageContaining("calendar-days, business-days, calendar-months").hasMessageContaining("fortnights");
    }

    @Test
    void aJurisdictionBelongsToOneRegime() {
        String two = GOOD + GOOD.replace("regimes:\n", "").replace("test-law", "other-law");
        assertThatThrownBy(() -> read(two)).hasMessageContaining("key 'regimes[1].jurisdictions[0]'")
                .hasMessageContaining("already covered by regime 'test-law'");
    }

    @Test
    void theLastRuleMustCoverEveryOtherRequestType() {
        assertThatThrownBy(() -> read(GOOD.replace("  - source:", "  - types: [opt-out]\n        source:")))
                .hasMessageContaining("key 'regimes[0].rules[0].types'")
                .hasMessageContaining("must leave out 'types'");
    }

    @Test
    void anExtensionCountsFromTheStartSoItMustBeLongerThanTheResponse() {
        assertThatThrownBy(() -> read(GOOD.replace("response: {within: 30, unit: calendar-days}",
                "response: {within: 30, unit: calendar-days}\n        extension: {within: 20, unit: calendar-days}")))
                .hasMessageContaining("key 'regimes[0].rules[0].extension.within'");
    }

    @Test
    void aMissingLengthIsNamed() {
        assertThatThrownBy(() -> read(GOOD.replace("within: 30, ", "")))
                .hasMessageContaining("key 'regimes[0].rules[0].response.within'")
                .hasMessageContaining("between 1 and 366");
    }

    @Test
    void anUnknownCalendarIsNamed() {
        assertThatThrownBy(() -> read(GOOD.replace("clock-starts: receipt", "clock-starts: receipt\n    default-calendar: XX-YY")))
                .hasMessageContaining("key 'regimes[0].default-calendar'")
                .hasMessageContaining("'XX-YY' is not a calendar the hub knows");
    }

    @Test
    void aMissingSourceIsNamed() {
        assertThatThrownBy(() -> read(GOOD.replace("source: \"Test Act s. 1\"", "source: \"\"")))
                .hasMessageContaining("key 'regimes[0].rules[0].source'");
    }

    @Test
    void theGdprNamesTheNationalAuthorityOfTheJurisdiction() {
        Regime gdpr = DeadlineFixtures.RULES.regimes().find("eu-gdpr").orElseThrow();
        assertThat(gdpr.authorityFor("FI")).startsWith("the Office of the Data Protection Ombudsman");
        assertThat(gdpr.authorityFor("FR")).contains("CNIL");
        assertThat(gdpr.authorityFor("LU")).isEqualTo("a data protection supervisory authority");
        assertThat(gdpr.authorityFor(null)).isEqualTo("a data protection supervisory authority");
    }

    @Test
    void anAuthorityOutsideTheRegimesJurisdictionsIsNamed() {
        assertThatThrownBy(() -> read(GOOD.replace("clock-starts: receipt",
                "clock-starts: receipt\n    authorities: {JP: the Personal Information Protection Commission}")))
                .hasMessageContaining("key 'regimes[0].authorities.JP'")
                .hasMessageContaining("not one of the regime's jurisdictions");
    }
}
