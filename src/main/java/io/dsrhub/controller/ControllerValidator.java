package io.dsrhub.controller;

import io.dsrhub.domain.IdentityType;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks what the YAML binding cannot: required keys, formats and ranges, each failure naming its key. */
final class ControllerValidator {

    static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,31}$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern REGION_CODE = Pattern.compile("^([A-Z]{2}(-[A-Z0-9]{1,3})?|EU)$");
    private static final Pattern HOLIDAY_CALENDAR = Pattern.compile("^[A-Z]{2}(-[A-Z0-9]{1,3})?$");
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$");
    private static final Pattern ENV_NAME = Pattern.compile("^[A-Z_][A-Z0-9_]{0,127}$");
    private static final Pattern FOLDER = Pattern.compile("^[^\\p{Cc}*%]{1,200}$");
    private static final Set<IdentityType> PATTERN_TYPES = Set.of(IdentityType.DEVICE_SERIAL,
            IdentityType.ORDER_NUMBER, IdentityType.ACCOUNT_ID, IdentityType.CUSTOMER_ID, IdentityType.DEVICE_ID,
            IdentityType.ADVERTISING_ID);

    private final String file;

    ControllerValidator(String file) {
        this.file = file;
    }

    void validate(Controller c) {
        require(c.id(), "id", "a lower-case id such as 'ironzon' (letters, digits, hyphens)");
        if (!ID.matcher(c.id()).matches()) {
            fail("id", "expected a lower-case id such as 'ironzon' (letters, digits, hyphens); got '" + c.id() + "'");
        }
        require(c.name(), "name", "the name shown to data subjects");
        if (c.timeZone() == null) {
            fail("time-zone", "expected a time-zone id such as Europe/Helsinki");
        }
        if (c.languages() == null || c.languages().isEmpty()) {
            fail("languages", "expected a list of ISO 639-1 language codes, the default first, such as [en, zh]");
        }
        for (int i = 0; i < c.languages().size(); i++) {
            String lang = c.languages().get(i);
            if (lang == null || !LANGUAGE.matcher(lang).matches()) {
                fail("languages[" + i + "]", "expected a two-letter ISO 639-1 code such as en; got '" + lang + "'");
            }
        }
        if (c.contact() == null) {
            fail("contact", "expected a section with at least 'email'");
        }
        requireEmail(c.contact().email(), "contact.email");
        if (c.contact().privacyOfficer() != null) {
            requireEmail(c.contact().privacyOfficer(), "contact.privacy-officer");
        }
        validatePromise(c.promise());
        if (c.requestTypes() == null || c.requestTypes().isEmpty()) {
            fail("request-types", "expected the list of request types the controller honours, such as [access, erasure]");
        }
        validateCodes(c.jurisdictions(), "jurisdictions");
        if (c.holidayCalendar() != null && !HOLIDAY_CALENDAR.matcher(c.holidayCalendar()).matches()) {
            fail("holiday-calendar", "expected a country or subdivision code such as FI, GB-SCT, US-CA or CN; got '"
                    + c.holidayCalendar() + "'");
        }
        validateRetention(c.retention());
        validateProcessors(c.processors());
        if (c.minors() != null && (c.minors().age() < 1 || c.minors().age() > 21)) {
            fail("minors.age", "expected an age between 1 and 21; got " + c.minors().age());
        }
        validateMailbox(c.mailbox());
        validateIdentifierPatterns(c.identifierPatterns());
        c.verification().validate(this::fail);
    }

    private void validateMailbox(Mailbox mailbox) {
        if (mailbox.host() != null && !HOST.matcher(mailbox.host()).matches()) {
            fail("mailbox.host", "expected a host name such as imap.example.com; got '" + mailbox.host() + "'");
        }
        if (mailbox.port() != null && (mailbox.port() < 1 || mailbox.port() > 65535)) {
            fail("mailbox.port", "expected a port between 1 and 65535; got " + mailbox.port());
        }
        if (mailbox.protocol() != null && !mailbox.protocol().equals("imap") && !mailbox.protocol().equals("imaps")) {
            fail("mailbox.protocol", "expected imap or imaps; got '" + mailbox.protocol() + "'");
        }
        if (mailbox.folder() != null && !FOLDER.matcher(mailbox.folder()).matches()) {
            fail("mailbox.folder", "expected a folder name such as INBOX; got '" + mailbox.folder() + "'");
        }
        if (mailbox.quarantineFolder() != null && !FOLDER.matcher(mailbox.quarantineFolder()).matches()) {
            fail("mailbox.quarantine-folder", "expected a folder name such as DSR-Quarantine; got '"
                    + mailbox.quarantineFolder() + "'");
        }
        if (mailbox.folderOrDefault().equals(mailbox.quarantineFolderOrDefault())) {
            fail("mailbox.quarantine-folder", "must differ from mailbox.folder ('" + mailbox.folderOrDefault() + "')");
        }
        if (mailbox.usernameEnv() != null && !ENV_NAME.matcher(mailbox.usernameEnv()).matches()) {
            fail("mailbox.username-env", "expected the name of an environment variable such as "
                    + "DSR_MAILBOX_IRONZON_USERNAME; got '" + mailbox.usernameEnv() + "'");
        }
        if (mailbox.passwordEnv() != null && !ENV_NAME.matcher(mailbox.passwordEnv()).matches()) {
            fail("mailbox.password-env", "expected the name of an environment variable such as "
                    + "DSR_MAILBOX_IRONZON_PASSWORD (never the password itself); got a value that is not one");
        }
    }

    private void validateIdentifierPatterns(List<IdentifierPattern> patterns) {
        for (int i = 0; i < patterns.size(); i++) {
            IdentifierPattern p = patterns.get(i);
            String key = "identifier-patterns[" + i + "]";
            if (p == null) {
                fail(key, "expected a section with 'type' and 'pattern'");
            }
            if (p.type() == null || !PATTERN_TYPES.contains(p.type())) {
                fail(key + ".type", "expected one of device-serial, order-number, account-id, customer-id, device-id, "
                        + "advertising-id; got '" + (p.type() == null ? null : p.type().code()) + "'");
            }
            require(p.pattern(), key + ".pattern", "a Java regular expression, such as '(?i)order\\s*#?\\s*(?<id>[0-9]{6,})'");
            Pattern compiled;
            try {
                compiled = Pattern.compile(p.pattern());
            } catch (PatternSyntaxException e) {
                fail(key + ".pattern", "is not a valid regular expression: " + e.getDescription() + " near index "
                        + e.getIndex());
                return;
            }
            if (compiled.matcher("").matches()) {
                fail(key + ".pattern", "matches the empty text; expected a pattern that needs at least one character");
            }
        }
    }

    private void validatePromise(ResponsePromise promise) {
        if (promise == null) {
            fail("promise", "expected the policy's response promise: within, unit, clock-starts");
        }
        if (promise.within() < 1 || promise.within() > 366) {
            fail("promise.within", "expected a period length between 1 and 366; got " + promise.within());
        }
        if (promise.unit() == null) {
            fail("promise.unit", "expected one of " + ControllerFileReader.kebabValues(PeriodUnit.class));
        }
        if (promise.clockStarts() == null) {
            fail("promise.clock-starts", "expected one of " + ControllerFileReader.kebabValues(ClockStart.class));
        }
        if (promise.extendableTo() != null) {
            if (promise.extendableTo().within() < 1 || promise.extendableTo().unit() == null) {
                fail("promise.extendable-to", "expected 'within' (a positive number) and 'unit'");
            }
        }
    }

    private void validateCodes(List<String> codes, String key) {
        if (codes == null) {
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !REGION_CODE.matcher(code).matches()) {
                fail(key + "[" + i + "]", "expected an ISO 3166 country or subdivision code such as FI, US-CA or "
                        + "GB-SCT, or EU; got '" + code + "'");
            }
        }
    }

    private void validateRetention(List<RetentionRule> rules) {
        if (rules == null) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            RetentionRule rule = rules.get(i);
            String key = "retention[" + i + "]";
            require(rule.id(), key + ".id", "a short id for the rule");
            if (rule.period() == null || rule.period().isNegative() || rule.period().isZero()) {
                fail(key + ".period", "expected an ISO-8601 period such as P6M or P10Y");
            }
            require(rule.basis(), key + ".basis", "the legal basis reported to the subject");
            if (rule.data() == null || rule.data().isEmpty()) {
                fail(key + ".data", "expected the data categories the rule keeps, such as [orders, invoices]");
            }
        }
    }

    private void validateProcessors(List<Processor> processors) {
        if (processors == null) {
            return;
        }
        for (int i = 0; i < processors.size(); i++) {
            Processor p = processors.get(i);
            require(p.name(), "processors[" + i + "].name", "the processor's name");
            if (p.privacyContact() != null) {
                requireEmail(p.privacyContact(), "processors[" + i + "].privacy-contact");
            }
        }
    }

    private void require(String value, String key, String expected) {
        if (value == null || value.isBlank()) {
            fail(key, "is missing; expected " + expected);
        }
    }

    private void requireEmail(String value, String key) {
        if (value == null || !EMAIL.matcher(value).matches()) {
            fail(key, "expected an e-mail address; got '" + value + "'");
        }
    }

    private void fail(String key, String problem) {
        throw new ControllerConfigException(file, key, problem);
    }
}
