package io.dsrhub.controller;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The strict YAML reading every configuration file shares: kebab-case keys, kebab-case enum values
 * ({@code business-days} reads as {@code BUSINESS_DAYS}), unknown and duplicate keys refused.
 */
public final class KebabYaml {

    private KebabYaml() {
    }

    /** A new strict mapper; callers may register further modules. */
    public static ObjectMapper mapper() {
        SimpleModule kebabEnums = new SimpleModule("kebab-enums");
        kebabEnums.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return new KebabEnum(type.getRawClass());
            }
        });
        return new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .registerModule(kebabEnums)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /** The values of an enum as a configuration file spells them, for error messages. */
    public static String values(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }

    private static final class KebabEnum extends StdScalarDeserializer<Object> {

        private final Class<?> enumType;

        KebabEnum(Class<?> enumType) {
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
