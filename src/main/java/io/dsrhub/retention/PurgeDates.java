package io.dsrhub.retention;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * When retained data may be purged: the rule's period counted from the event it names. A record's own date
 * (an order date) is used where the rule runs from the transaction or the end of its financial year and the data
 * map names the date column; otherwise the period runs from the day of the erasure. Financial years are taken to
 * be calendar years.
 */
public final class PurgeDates {

    private static final MonthDay FINANCIAL_YEAR_END = MonthDay.of(12, 31);

    private PurgeDates() {
    }

    /**
     * @param erasureDay the day the erasure ran, in the controller's time zone
     * @param recordDay  the record's own date (from the data map's event-date column), or null
     */
    public static LocalDate purgeOn(RetentionTerm term, LocalDate erasureDay, LocalDate recordDay) {
        String after = term.after() == null ? "erasure" : term.after();
        LocalDate start = switch (after) {
            case "transaction" -> recordDay != null ? recordDay : erasureDay;
            case "financial-year-end" -> FINANCIAL_YEAR_END.atYear((recordDay != null ? recordDay : erasureDay).getYear());
            default -> erasureDay;
        };
        LocalDate purge = start.plus(term.period());
        return purge.isBefore(erasureDay) ? erasureDay : purge;
    }
}
