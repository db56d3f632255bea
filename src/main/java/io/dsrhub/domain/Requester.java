package io.dsrhub.domain;

/** The person who made the request; for an agent or guardian this is not the data subject. */
public record Requester(RequesterKind kind, String name, String email) {

    public boolean isSubject() {
        return kind == RequesterKind.SUBJECT;
    }
}
