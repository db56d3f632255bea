package io.dsrhub.deadline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.dsrhub.controller.KebabYaml;
import io.dsrhub.controller.PeriodUnit;
import io.dsrhub.domain.RequestType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code config/regimes.yaml}: kebab-case keys and values, unknown keys refused, and every rule checked
 * (lengths, units, one regime per jurisdiction, calendars the hub knows, a last rule for every other request type),
 * each failure naming the file and the key.
 */
public final class RegimeFileReader {

    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,40}$");
    private static final Pattern CODE = Pattern.compile("^([A-Z]{2}(-[A-Z0-9]{1,3})?|EU)$");

    private final ObjectMapper yaml;
    private final WorkingCalendars calendars;

    public RegimeFileReader(WorkingCalendars calendars) {
        this.calendars = calendars;
        this.yaml = KebabYaml.mapper();
    }

    public RegimeCatalogue read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new DeadlineConfigException("dsr.deadline.regimes-file: cannot read '" + file + "': "
                    + e.getMessage(), e);
        }
    }

    public RegimeCatalogue read(String file, InputStream in) {
        RegimeFile parsed;
        try {
            parsed = yaml.readValue(in, RegimeFile.class);
        } catch (JsonMappingException e) {
            throw new DeadlineConfigException(file, keyOf(e), problemOf(e));
        } catch (JsonProcessingException e) {
            throw new DeadlineConfigException(file + ": not valid YAML at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DeadlineConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (parsed == null || parsed.regimes() == null || parsed.regimes().isEmpty()) {
            throw new DeadlineConfigException(file, "regimes", "expected a list of regimes");
        }
        validate(file, parsed.regimes());
        return new RegimeCatalogue(parsed.regimes());
    }

    private void validate(String file, List<Regime> regimes) {
        Set<String> ids = new HashSet<>();
        Map<String, String> jurisdictionOwner = new HashMap<>();
        for (int i = 0; i < regimes.size(); i++) {
            Regime regime = regimes.get(i);
            String key = "regimes[" + i + "]";
            if (regime.id() == null || !ID.matcher(regime.id()).matches()) {
                fail(file, key + ".id", "expected a lower-case id such as eu-gdpr; got '" + regime.id() + "'");
            }
            if (!ids.add(regime.id())) {
                fail(file, key + ".id", "'" + regime.id() + "' is used by an earlier regime");
            }
            require(file, regime.name(), key + ".name", "the name shown in rules and notices, such as 'EU GDPR'");
            if (regime.jurisdictions() == null || regime.jurisdictions().isEmpty()) {
                fail(file, key + ".jurisdictions", "expected the codes the regime applies to, such as [EU, FI]");
            }
            for (int j = 0; j < regime.jurisdictions().size(); j++) {
                String code = regime.jurisdictions().get(j);
                String codeKey = key + ".jurisdictions[" + j + "]";
                if (code == null || !CODE.matcher(code).matches()) {
                    fail(file, codeKey, "expected an ISO 3166 country or subdivision code such as FI or US-CA, or EU; "
                            + "got '" + code + "'");
                }
                String owner = jurisdictionOwner.putIfAbsent(code, regime.id());
                if (owner != null) {
                    fail(file, codeKey, "'" + code + "' is already covered by regime '" + owner + "'");
                }
            }
            if (regime.defaultCalendar() != null && !calendars.supports(regime.defaultCalendar())) {
                fail(file, key + ".default-calendar", "'" + regime.defaultCalendar() + "' is not a calendar the hub "
                        + "knows; expected a holiday-library code such as GB-ENG or US-CA, or a published calendar ("
                        + String.join(", ", calendars.publishedCodes()) + ")");
            }
            for (String code : regime.authorities().keySet()) {
                if (!regime.covers(code)) {
                    fail(file, key + ".authorities." + code, "'" + code + "' is not one of the regime's jurisdictions");
                }
            }
            if (regime.clockStarts() == null) {
                fail(file, key + ".clock-starts", "expected one of " + KebabYaml.values(StatutoryClockStart.class));
            }
            validateRules(file, key, regime.rules());
        }
    }

    private static void validateRules(String file, String regimeKey, List<RegimeRule> rules) {
        if (rules == null || rules.isEmpty()) {
            fail(file, regimeKey + ".rules", "expected at least one rule with source and response");
        }
        Set<RequestType> named = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RegimeRule rule = rules.get(i);
            String key = regimeKey + ".rules[" + i + "]";
            boolean last = i == rules.size() - 1;
            boolean catchAll = rule.types() == null || rule.types().isEmpty();
            if (last && !catchAll) {
                fail(file, key + ".types", "the last rule must leave out 'types' so that it covers every other "
                        + "request type");
            }
            if (!last && catchAll) {
                fail(file, key + ".types", "only the last rule may leave out 'types'");
            }
            if (!catchAll) {
                for (RequestType type : rule.types()) {
                    if (!named.add(type)) {
                        fail(file, key + ".types", "'" + type.code() + "' is named by an earlier rule");
                    }
                }
            }
            require(file, rule.source(), key + ".source", "the provision, such as 'GDPR Art. 12(3)'");
            if (rule.response() == null) {
                fail(file, key + ".response", "expected within and unit, such as {within: 1, unit: calendar-months}");
            }
            limit(file, key + ".response", rule.response());
            if (rule.extension() != null) {
                limit(file, key + ".extension", rule.extension());
                if (rule.extension().unit() == rule.response().unit()
                        && rule.extension().within() <= rule.response().within()) {
                    fail(file, key + ".extension.within", "the extended period counts from the clock start, so it "
                            + "must be longer than the response period (" + rule.response().describe() + ")");
                }
            }
            if (rule.acknowledgement() != null) {
                limit(file, key + ".acknowledgement", rule.acknowledgement());
            }
        }
    }

    private static void limit(String file, String key, TimeLimit limit) {
        if (limit.within() < 1 || limit.within() > 366) {
            fail(file, key + ".within", "expected a length between 1 and 366; got " + limit.within());
        }
        if (limit.unit() == null) {
            fail(file, key + ".unit", "expected one of " + KebabYaml.values(PeriodUnit.class));
        }
    }

    private static void require(String file, String value, String key, String expected) {
        if (value == null || value.isBlank()) {
            fail(file, key, "is missing; expected " + expected);
        }
    }

    private static void fail(String file, String key, String problem) {
        throw new DeadlineConfigException(file, key, problem);
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
            return "is not a known key; expected one of: " + unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException bad) {
            Class<?> target = bad.getTargetType();
            if (target != null && target.isEnum()) {
                return "expected one of " + KebabYaml.values(target) + "; got '" + bad.getValue() + "'";
            }
            return "expected a value of type " + (target == null ? "?" : target.getSimpleName()) + "; got '"
                    + bad.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            return "expected " + (java.util.Collection.class.isAssignableFrom(target) ? "a list"
                    : target == int.class || target == Integer.class ? "a whole number"
                    : target == boolean.class ? "true or false"
                    : target == String.class ? "a text value" : "a " + target.getSimpleName() + " section");
        }
        return e.getOriginalMessage();
    }

    /** The file's top level. */
    record RegimeFile(List<Regime> regimes) {
    }
}
