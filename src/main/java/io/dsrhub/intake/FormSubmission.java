package io.dsrhub.intake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of an {@code application/x-www-form-urlencoded} body, each with all its values in order. */
public final class FormSubmission {

    private final Map<String, List<String>> fields;

    private FormSubmission(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    public static FormSubmission parse(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new FormSubmission(fields);
    }

    /**
     * The named fields out of an already-parsed form: the HTTP server hands form fields over as message headers, a
     * repeated field as a list. Only the form's own field names are read.
     */
    public static FormSubmission fromFields(Map<String, Object> parsed, List<String> names) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String name : names) {
            Object value = parsed.get(name);
            if (value instanceof Iterable<?> values) {
                List<String> list = new ArrayList<>();
                values.forEach(v -> list.add(String.valueOf(v)));
                fields.put(name, list);
            } else if (value != null) {
                fields.put(name, new ArrayList<>(List.of(String.valueOf(value))));
            }
        }
        return new FormSubmission(fields);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    public String first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    public Map<String, String> firstValues() {
        Map<String, String> firsts = new LinkedHashMap<>();
        fields.forEach((k, v) -> firsts.put(k, v.isEmpty() ? "" : v.get(0)));
        return firsts;
    }
}
