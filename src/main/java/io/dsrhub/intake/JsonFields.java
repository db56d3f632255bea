package io.dsrhub.intake;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading typed fields out of a JSON submission, reporting a wrong type against the field's path. */
public final class JsonFields {

    private JsonFields() {
    }

    /** The string value of {@code field}, null when absent; a non-string is reported as an error on {@code path}. */
    public static String text(JsonNode node, String field, String path, FieldErrors errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(path, "must be a string");
            return null;
        }
        return value.asText();
    }
}
