package io.dsrhub.controller;

/**
 * What the controller's policy promises about answering, on top of the law.
 *
 * @param within         length of the period
 * @param unit           how the period is counted
 * @param clockStarts    whether it runs from receipt or from verified identity
 * @param extendableTo   a longer period the policy allows after a notice of delay, or null
 * @param localLawPrevails whether the policy yields to a shorter statutory period
 * @param wording        the policy's own words, quoted in replies and audits
 */
public record ResponsePromise(
        int within,
        PeriodUnit unit,
        ClockStart clockStarts,
        Extension extendableTo,
        boolean localLawPrevails,
        String wording) {

    /** A longer period that needs a notice to the subject with the reason. */
    public record Extension(int within, PeriodUnit unit) {
    }
}
