package io.dsrhub.connector.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A URL with {@code {name}} placeholders, filled in with URL-encoded values. */
record UrlTemplate(String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z-]*)}");

    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    String fill(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)
                    .replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Fills the placeholders of a JSON text with JSON-escaped values (the template writes the quotes). */
    String fillJson(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(new String(
                    com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(value))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Adds or replaces one query parameter. */
    static String withParam(String url, String param, String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        String cleaned = url.replaceAll("([?&])" + Pattern.quote(param) + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return cleaned + (cleaned.contains("?") ? "&" : "?") + param + "=" + encoded;
    }
}
