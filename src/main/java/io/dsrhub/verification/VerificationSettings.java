package io.dsrhub.verification;

import java.time.Duration;

/**
 * Hub-wide verification settings ({@code dsr.verification.*}).
 *
 * @param codeValidity     how long a code (and its link) may be used
 * @param maxAttempts      wrong codes after which a code is blocked
 * @param expireAfterDays  days after which a request still awaiting verification is closed with a notice
 * @param pauseClock       whether the clock is paused while the hub waits for the requester, where the regime allows it
 */
public record VerificationSettings(Duration codeValidity, int maxAttempts, int expireAfterDays, boolean pauseClock) {

    public VerificationSettings {
        if (codeValidity.isNegative() || codeValidity.isZero()) {
            throw new IllegalArgumentException("dsr.verification.code-validity: expected a positive duration such as PT24H");
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("dsr.verification.max-attempts: expected 1 to 20; got " + maxAttempts);
        }
        if (expireAfterDays < 1 || expireAfterDays > 365) {
            throw new IllegalArgumentException("dsr.verification.expire-after-days: expected 1 to 365; got "
                    + expireAfterDays);
        }
    }
}
