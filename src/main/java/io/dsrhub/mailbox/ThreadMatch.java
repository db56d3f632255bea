package io.dsrhub.mailbox;

/**
 * The request an inbound message belongs to, and how that was found.
 *
 * @param matchedBy HEADERS (In-Reply-To or References name a message of the request), SUBJECT_REFERENCE (the
 *                  subject quotes the request's reference) or QUOTED_MESSAGE_ID (a delivery report quotes one of
 *                  the hub's Message-IDs)
 */
public record ThreadMatch(String requestId, String matchedBy) {

    public static final String HEADERS = "HEADERS";
    public static final String SUBJECT_REFERENCE = "SUBJECT_REFERENCE";
    public static final String QUOTED_MESSAGE_ID = "QUOTED_MESSAGE_ID";

    /** Whether the match rests on headers only a recipient of the hub's mail can know. */
    public boolean byHeaders() {
        return HEADERS.equals(matchedBy) || QUOTED_MESSAGE_ID.equals(matchedBy);
    }
}
