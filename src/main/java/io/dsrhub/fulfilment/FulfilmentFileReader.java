package io.dsrhub.fulfilment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Reads the YAML files of {@code config/fulfilment}: kebab-case keys, unknown keys refused, and every
 * {@code {{...}}} placeholder in a value resolved through the hub's properties (so {@code {{env:NAME}}} takes a
 * secret from the environment). Every failure names the file and the key.
 */
public final class FulfilmentFileReader {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    /** Keys whose values are secrets: they must come from the environment, never be written in a file. */
    private static final java.util.Set<String> SECRETS = java.util.Set.of("password", "secret-key", "access-key",
            "api-key");

    private final UnaryOperator<String> placeholders;

    /** @param placeholders resolves a text holding {@code {{key}}} placeholders; throws when a key is unknown */
    public FulfilmentFileReader(UnaryOperator<String> placeholders) {
        this.placeholders = placeholders;
    }

    /** The file as a tree, placeholders resolved. */
    public JsonNode tree(Path file) {
        JsonNode tree;
        try (var in = Files.newInputStream(file)) {
            tree = yaml.readTree(in);
        } catch (JsonProcessingException e) {
            throw new FulfilmentConfigException(file + ": not valid YAML at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FulfilmentConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new FulfilmentConfigException(file.toString(), "(top level)", "expected a YAML mapping");
        }
        resolve(file, tree, "");
        return tree;
    }

    public <T> T bind(Path file, JsonNode tree, Class<T> type) {
        try {
            return yaml.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new FulfilmentConfigException(file.toString(), keyOf(e), problemOf(e));
        } catch (JsonProcessingException e) {
            throw new FulfilmentConfigException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    private void resolve(Path file, JsonNode node, String key) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = key.isEmpty() ? field.getKey() : key + "." + field.getKey();
                if (SECRETS.contains(field.getKey()) && field.getValue() instanceof TextNode secret
                        && !secret.asText().isEmpty() && !secret.asText().strip().startsWith("{{")) {
                    throw new FulfilmentConfigException(file.toString(), child, "a secret must come from the "
                            + "environment, not the file: write \"{{env:NAME}}\" and set NAME");
                }
                if (field.getValue() instanceof TextNode text && text.asText().contains("{{")) {
                    field.setValue(new TextNode(resolveText(file, child, text.asText())));
                } else {
                    resolve(file, field.getValue(), child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String child = key + "[" + i + "]";
                if (array.get(i) instanceof TextNode text && text.asText().contains("{{")) {
                    array.set(i, new TextNode(resolveText(file, child, text.asText())));
                } else {
                    resolve(file, array.get(i), child);
                }
            }
        }
    }

    private String resolveText(Path file, String key, String text) {
        try {
            return placeholders.apply(text);
        } catch (RuntimeException e) {
            throw new FulfilmentConfigException(file.toString(), key, "cannot resolve '" + text + "': "
                    + e.getMessage() + " (set the environment variable or property it names, or give a default "
                    + "as {{env:NAME:default}})");
        }
    }

    private static String keyOf(JsonMappingException e) {
        String key = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return key.isEmpty() ? "(top level)" : key;
    }

    private static String problemOf(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return "is not a known key; expected one of: " + known;
        }
        if (e instanceof InvalidFormatException bad) {
            return "has a value of the wrong kind: '" + bad.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (java.util.Collection.class.isAssignableFrom(target)) {
                return "expected a list";
            }
            if (target == String.class) {
                return "expected a text value";
            }
            return "expected a " + target.getSimpleName() + " value";
        }
        return e.getOriginalMessage();
    }
}
