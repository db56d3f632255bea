package io.dsrhub.controller;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads one controller YAML file into a {@link Controller}. Keys are kebab-case, enum values too
 * ({@code business-days}); an unknown key, a wrong type or a bad value fails with a message that names the file
 * and the key.
 */
public final class ControllerFileReader {

    private final ObjectMapper yaml;

    public ControllerFileReader() {
        SimpleModule kebabEnums = new SimpleModule("kebab-enums");
        kebabEnums.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return new KebabEnumDeserializer(type.getRawClass());
            }
        });
        this.yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .registerModule(new JavaTimeModule())
                .registerModule(kebabEnums)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
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
        return Arrays.stream(enumType.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }

    /** Reads {@code business-days} as {@code BUSINESS_DAYS}. */
    private static final class KebabEnumDeserializer extends StdScalarDeserializer<Object> {

        private final Class<?> enumType;

        KebabEnumDeserializer(Class<?> enumType) {
            super(enumType);
            this.enumType = enumType;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text != null) {
                String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
                for (Object constant : enumType.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(wanted)) {
                        return constant;
                    }
                }
            }
            throw InvalidFormatException.from(p, "unknown value", text, enumType);
        }
    }
}
