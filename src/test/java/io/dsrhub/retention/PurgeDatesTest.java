package io.dsrhub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A retention period counts from the event its rule names. */
class PurgeDatesTest {

    private static final LocalDate ERASED = LocalDate.of(2025, 3, 10);

    private static RetentionTerm term(String after, Period period) {
        return new RetentionTerm("rule", List.of("user"), period, after, "basis");
    }

    @Test
    void bookkeepingRunsFromTheEndOfTheOrdersFinancialYear() {
        assertThat(PurgeDates.purgeOn(term("financial-year-end", Period.ofYears(10)), ERASED, LocalDate.of(2021, 3, 14)))
                .isEqualTo(LocalDate.of(2031, 12, 31));
        assertThat(PurgeDates.purgeOn(term("financial-year-end", Period.ofYears(10)), ERASED, null))
                .isEqualTo(LocalDate.of(2035, 12, 31));
    }

    @Test
    void aTransactionRuleRunsFromTheRecordsOwnDate() {
        assertThat(PurgeDates.purgeOn(term("transaction", Period.ofYears(10)), ERASED, LocalDate.of(2020, 2, 29)))
                .isEqualTo(LocalDate.of(2030, 2, 28));
    }

    @Test
    void closureAndErasureRulesRunFromTheErasure() {
        assertThat(PurgeDates.purgeOn(term("account-closure", Period.ofMonths(6)), ERASED, LocalDate.of(2020, 1, 1)))
                .isEqualTo(LocalDate.of(2025, 9, 10));
        assertThat(PurgeDates.purgeOn(term(null, Period.ofMonths(6)), LocalDate.of(2025, 8, 31), null))
                .isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void aPeriodThatEndedLongAgoPurgesOnTheDayOfTheErasure() {
        assertThat(PurgeDates.purgeOn(term("transaction", Period.ofYears(1)), ERASED, LocalDate.of(2010, 1, 1)))
                .isEqualTo(ERASED);
    }
}
