package io.dsrhub.freetext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.RequesterKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one {@code config/classification/<language>.yaml}. Every problem (an unknown key, an unknown request type,
 * a phrase with no word, a regular expression that does not compile) fails with a message naming the file and key.
 */
public final class LanguageProfileReader {

    private static final Set<String> KEYS = Set.of("language", "script", "markers", "types", "requester",
            "negations", "phone-labels", "quote-headers", "forward-headers", "auto-reply-subjects");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public LanguageProfile read(String file, String expectedLanguage, InputStream in) {
        JsonNode root;
        try {
            root = yaml.readTree(in);
        } catch (IOException e) {
            throw new FreeTextConfigException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FreeTextConfigException(file, "(top level)", "expected a language description with 'language' and 'types'");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new FreeTextConfigException(file, name, "is not a known key; expected one of " + String.join(", ",
                        KEYS.stream().sorted().toList()));
            }
        }
        String language = text(file, root, "language");
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new FreeTextConfigException(file, "language", "expected a two-letter ISO 639-1 code; got '" + language + "'");
        }
        if (expectedLanguage != null && !expectedLanguage.equals(language)) {
            throw new FreeTextConfigException(file, "language", "expected '" + expectedLanguage
                    + "' (the file name without .yaml); got '" + language + "'");
        }
        String scriptName = root.has("script") ? text(file, root, "script") : "latin";
        LanguageProfile.Script script;
        try {
            script = LanguageProfile.Script.valueOf(scriptName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FreeTextConfigException(file, "script", "expected latin or han; got '" + scriptName + "'");
        }
        Map<RequestType, List<Phrase>> types = new EnumMap<>(RequestType.class);
        JsonNode typesNode = root.get("types");
        if (typesNode == null || !typesNode.isObject() || typesNode.isEmpty()) {
            throw new FreeTextConfigException(file, "types", "expected phrases per request type, such as 'erasure: [delete my data]'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = typesNode.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            RequestType type = RequestType.fromCode(entry.getKey()).orElseThrow(() -> new FreeTextConfigException(file,
                    "types." + entry.getKey(), "is not a request type; expected one of " + codes()));
            types.put(type, phrases(file, "types." + entry.getKey(), entry.getValue()));
        }
        Map<RequesterKind, List<Phrase>> requesters = new EnumMap<>(RequesterKind.class);
        JsonNode requesterNode = root.get("requester");
        if (requesterNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = requesterNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                RequesterKind kind = RequesterKind.fromCode(entry.getKey())
                        .filter(k -> k != RequesterKind.SUBJECT)
                        .orElseThrow(() -> new FreeTextConfigException(file, "requester." + entry.getKey(),
                                "expected agent or guardian"));
                requesters.put(kind, phrases(file, "requester." + entry.getKey(), entry.getValue()));
            }
        }
        return new LanguageProfile(language, script,
                phrases(file, "markers", root.get("markers")),
                types, requesters,
                phrases(file, "negations", root.get("negations")),
                phrases(file, "phone-labels", root.get("phone-labels")),
                patterns(file, "quote-headers", root.get("quote-headers")),
                patterns(file, "forward-headers", root.get("forward-headers")),
                phrases(file, "auto-reply-subjects", root.get("auto-reply-subjects")));
    }

    private static String codes() {
        List<String> codes = new ArrayList<>();
        for (RequestType type : RequestType.values()) {
            codes.add(type.code());
        }
        return String.join(", ", codes);
    }

    private static String text(String file, JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new FreeTextConfigException(file, key, "expected a text value");
        }
        return node.asText();
    }

    private static List<String> strings(String file, String key, JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw new FreeTextConfigException(file, key, "expected a list");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() && !item.isNumber()) {
                throw new FreeTextConfigException(file, key + "[" + i + "]", "expected a text value");
            }
            values.add(item.asText());
        }
        return values;
    }

    private static List<Phrase> phrases(String file, String key, JsonNode node) {
        List<String> values = strings(file, key, node);
        List<Phrase> phrases = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            try {
                phrases.add(Phrase.compile(values.get(i)));
            } catch (IllegalArgumentException e) {
                throw new FreeTextConfigException(file, key + "[" + i + "]", "phrase '" + values.get(i) + "' "
                        + e.getMessage());
            }
        }
        return List.copyOf(phrases);
    }

    private static List<Pattern> patterns(String file, String key, JsonNode node) {
        List<String> values = strings(file, key, node);
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            try {
                Pattern pattern = Pattern.compile(values.get(i), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                if (pattern.matcher("").find()) {
                    throw new FreeTextConfigException(file, key + "[" + i + "]", "matches an empty line");
                }
                patterns.add(pattern);
            } catch (PatternSyntaxException e) {
                throw new FreeTextConfigException(file, key + "[" + i + "]", "is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        return List.copyOf(patterns);
    }
}
