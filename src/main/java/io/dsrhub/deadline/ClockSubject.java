package io.dsrhub.deadline;

import io.dsrhub.domain.NewRequest;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.SubjectRequest;
import java.time.Instant;
import java.util.Set;

/**
 * What the clock needs to know about a request.
 *
 * @param jurisdiction the request's jurisdiction code, else its country, else null
 */
public record ClockSubject(Set<RequestType> types, String jurisdiction, Instant receivedAt) {

    public static ClockSubject of(NewRequest request) {
        return new ClockSubject(request.types(), firstOf(request.jurisdiction(), request.country()),
                request.receivedAt());
    }

    public static ClockSubject of(SubjectRequest request) {
        return new ClockSubject(request.types(), firstOf(request.jurisdiction(), request.country()),
                request.receivedAt());
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }
}
