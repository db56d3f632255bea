package io.dsrhub.deadline;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a request that moves its clock.
 *
 * @param regimeId   the regime the request is counted under, or null when none applies
 * @param verifiedAt when the requester's identity was verified, or null
 * @param pauses     the pauses, oldest first
 * @param extension  the extension, or null
 */
public record ClockFacts(String regimeId, Instant verifiedAt, List<ClockPause> pauses, ClockExtension extension) {

    public static ClockFacts fresh(String regimeId) {
        return new ClockFacts(regimeId, null, List.of(), null);
    }

    public ClockFacts withExtension(ClockExtension granted) {
        return new ClockFacts(regimeId, verifiedAt, pauses, granted);
    }

    public boolean hasOpenPause() {
        return pauses.stream().anyMatch(ClockPause::isOpen);
    }
}
