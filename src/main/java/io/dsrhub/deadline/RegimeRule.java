package io.dsrhub.deadline;

import io.dsrhub.domain.RequestType;
import java.util.Set;

/**
 * The periods a regime sets for some request types (or, with no types, for every other type).
 *
 * @param types           the request types the rule is for; empty for "every type not named by an earlier rule"
 * @param source          the provision, quoted in the rule stored with every date
 * @param response        the time to answer
 * @param extension       the whole period after an extension, counted like {@code response} from the clock start
 *                        (GDPR: three months from the start; CCPA: 90 days from receipt), or null if none
 * @param acknowledgement the time to confirm receipt, counted from receipt, or null if none is required
 */
public record RegimeRule(Set<RequestType> types, String source, TimeLimit response, TimeLimit extension,
        TimeLimit acknowledgement) {

    public boolean appliesTo(RequestType type) {
        return types == null || types.isEmpty() || types.contains(type);
    }
}
