package io.dsrhub.intake;

import io.dsrhub.web.FieldError;
import io.dsrhub.web.HttpProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a submission so that one 400 names them all. */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** @throws HttpProblem with status 400 when any problem was found */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new HttpProblem(400, "the submission has " + errors.size() + " invalid field"
                    + (errors.size() == 1 ? "" : "s"), errors);
        }
    }
}
