package io.dsrhub.controller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

/**
 * Reads one controller YAML file into a {@link Controller}. Keys are kebab-case, enum values too
 * ({@code business-days}); an unknown key, a wrong type or a bad value fails with a message that names the file
 * and the key.
 */
public final class ControllerFileReader {

    private final ObjectMapper yaml;

    public ControllerFileReader() {
        this.yaml = KebabYaml.mapper().registerModule(new JavaTimeModule());
    }

    public Controller read(String file, InputStream in) {
        Controller controller;
        try {
            controller = yaml.readValue(in, Controller.class);
        } catch (JsonMappingException e) {
            throw new ControllerConfigException(file, keyOf(e), problemOf(e));
        } catch (JsonProcessingException e) {
            throw new ControllerConfigException(file + ": not valid YAML at line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ControllerConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (controller == null) {
            throw new ControllerConfigException(file, "id", "the file is empty; expected a controller description");
        }
        new ControllerValidator(file).validate(controller);
        return controller;
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
            Class<?> target = bad.getTargetType();
            if (target != null && target.isEnum()) {
                return "expected one of " + kebabValues(target) + "; got '" + bad.getValue() + "'";
            }
            return "expected " + describe(target) + "; got '" + bad.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return "expected " + describe(mismatch.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == java.time.ZoneId.class) {
            return "a time-zone id such as Europe/Helsinki";
        }
        if (type == java.time.Period.class) {
            return "an ISO-8601 period such as P6M or P10Y";
        }
        if (type == String.class) {
            return "a text value";
        }
        return "a " + type.getSimpleName() + " section";
    }

    static String kebabValues(Class<?> enumType) {
        return KebabYaml.values(enumType);
    }
}
