package io.dsrhub.deadline;

import io.dsrhub.domain.RequestType;
import java.util.List;
import java.util.Map;

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
 * @param authorities          the supervisory authority of each jurisdiction where the regime has several (the
 *                             GDPR's national authorities); {@code authority} stands for the others
 */
public record Regime(String id, String name, List<String> jurisdictions, String defaultCalendar,
        StatutoryClockStart clockStarts, boolean pauseOnClarification, String authority, List<RegimeRule> rules,
        Map<String, String> authorities) {

    public Regime {
        authorities = authorities == null ? Map.of() : Map.copyOf(authorities);
    }

    /** The authority a subject of this jurisdiction (or of its country) complains to. */
    public String authorityFor(String jurisdiction) {
        if (jurisdiction != null) {
            String named = authorities.get(jurisdiction);
            if (named == null && jurisdiction.length() > 2) {
                named = authorities.get(jurisdiction.substring(0, 2));
            }
            if (named != null) {
                return named;
            }
        }
        return authority;
    }

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
