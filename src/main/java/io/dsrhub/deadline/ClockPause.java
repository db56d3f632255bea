package io.dsrhub.deadline;

import java.time.Instant;

/**
 * A stretch during which the controller waited for the requester (a clarification, identity information).
 *
 * @param resumedAt null while the pause lasts
 */
public record ClockPause(long id, Instant pausedAt, Instant resumedAt, String reason, String actor) {

    public boolean isOpen() {
        return resumedAt == null;
    }
}
