package io.dsrhub.web;

import java.util.List;

/**
 * A failure the client caused or must know about, answered with its HTTP status and a body that says what is
 * wrong. Each item names a field (or {@code body}, {@code token}, ...) and the problem with it; nothing in it
 * echoes the client's values.
 */
public class HttpProblem extends RuntimeException {

    private final int status;
    private final List<FieldError> errors;

    public HttpProblem(int status, String message, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public HttpProblem(int status, String message) {
        this(status, message, List.of());
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static HttpProblem notFound() {
        return new HttpProblem(404, "not found");
    }

    public static HttpProblem unauthorized() {
        return new HttpProblem(401, "a valid bearer token is required");
    }

    public static HttpProblem tooLarge(long limit) {
        return new HttpProblem(413, "the request body is larger than " + limit + " bytes",
                List.of(new FieldError("body", "must not be larger than " + limit + " bytes")));
    }
}
