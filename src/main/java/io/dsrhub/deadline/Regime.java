package io.dsrhub.deadline;

import io.dsrhub.domain.RequestType;
import java.util.List;

/**
 * One body of law on answering data-subject requests, as {@code config/regimes.yaml} describes it.
 *
 * @param jurisdictions        the codes it applies to: ISO 3166 countries ({@code FI}), subdivisions
 *                             ({@code US-CA}, {@code GB-SCT}) or {@code EU}
 * @param defaultCalendar      the working calendar to count on when neither the controller's nor the request's
 *                             own jurisdiction gives one, or null (Monday to Friday)
 * @param pauseOnClarification whether the clock stops while the controller waits for the requester
 * @param authority            the supervisory authority the subject may complain to, named in extension notices
 * @param rules                the periods per request type, first match wins; the last one has no types
 */
public record Regime(String id, String name, List<String> jurisdictions, String defaultCalendar,
        StatutoryClockStart clockStarts, boolean pauseOnClarification, String authority, List<RegimeRule> rules) {

    /** Whether the regime covers a jurisdiction code, directly or through its country ({@code GB-SCT} → GB). */
    public boolean covers(String code) {
        if (code == null) {
            return false;
        }
        return jurisdictions.contains(code) || (code.length() > 2 && jurisdictions.contains(code.substring(0, 2)));
    }

    public RegimeRule ruleFor(RequestType type) {
        return rules.stream().filter(r -> r.appliesTo(type)).findFirst().orElseThrow();
    }

    public boolean allowsExtension() {
        return rules.stream().anyMatch(r -> r.extension() != null);
    }
}
