package io.dsrhub.deadline;

import io.dsrhub.controller.PeriodUnit;
import java.util.Locale;

/**
 * A period the law sets, as the regimes file states it.
 *
 * @param within       its length
 * @param unit         how it is counted: calendar days, business days (strictly after the start day) or calendar
 *                     months (same day number, clamped to the month's last day)
 * @param rollForward  whether a last day that is not a working day moves to the next working day
 */
public record TimeLimit(int within, PeriodUnit unit, boolean rollForward) {

    /** {@code 1 calendar month}, {@code 10 business days}. */
    public String describe() {
        String unitName = unit.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return within + " " + (within == 1 ? unitName.substring(0, unitName.length() - 1) : unitName);
    }
}
