package io.dsrhub.deadline.escalation;

import io.dsrhub.deadline.DeadlineConfigException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quartz.CronExpression;

/**
 * Reads the {@code dsr.deadline.*} settings, refusing a bad one with a message that names the file, the key and
 * its environment variable.
 */
public final class DeadlineSettingsReader {

    private static final String FILE = "config/application.properties";

    /** @param values by key without the {@code dsr.deadline.} prefix */
    public DeadlineSettings read(Map<String, String> values) {
        String schedule = required(values, "schedule");
        if (!CronExpression.isValidExpression(schedule)) {
            fail("schedule", "expected a Quartz cron expression such as '0 0/15 * * * ?' (seconds minutes hours "
                    + "day-of-month month day-of-week); got '" + schedule + "'");
        }
        Duration reminderLead = duration(values, "reminder-lead");
        Duration escalationLead = duration(values, "escalation-lead");
        if (escalationLead.compareTo(reminderLead) >= 0) {
            fail("escalation-lead", "must be shorter than dsr.deadline.reminder-lead (" + reminderLead + "); got "
                    + escalationLead);
        }
        int batchSize = number(values, "batch-size", 1, 5000);
        String webhookUrl = blankToNull(values.get("webhook-url"));
        String webhookSecret = blankToNull(values.get("webhook-secret"));
        if (webhookUrl != null) {
            try {
                URI uri = new URI(webhookUrl);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    fail("webhook-url", "expected an http or https URL such as https://hooks.example.com/dsr");
                }
            } catch (URISyntaxException e) {
                fail("webhook-url", "expected an http or https URL such as https://hooks.example.com/dsr");
            }
            if (webhookSecret == null || webhookSecret.length() < 16) {
                fail("webhook-secret", "a webhook needs a signing secret of at least 16 characters; set the "
                        + "environment variable DSR_DEADLINE_WEBHOOK_SECRET");
            }
        }
        return new DeadlineSettings(schedule, reminderLead, escalationLead, batchSize,
                addresses(values, "reminder-to"), addresses(values, "escalation-to"), addresses(values, "breach-to"),
                address(values, "sender"), webhookUrl, webhookSecret, number(values, "webhook-max-attempts", 1, 50),
                duration(values, "webhook-first-retry"));
    }

    private static String required(Map<String, String> values, String key) {
        String value = blankToNull(values.get(key));
        if (value == null) {
            fail(key, "is empty");
        }
        return value;
    }

    private static Duration duration(Map<String, String> values, String key) {
        String text = required(values, key);
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.isZero()) {
                fail(key, "must be longer than zero; got " + text);
            }
            return d;
        } catch (DateTimeParseException e) {
            fail(key, "expected an ISO-8601 duration such as P7D or PT30M; got '" + text + "'");
            return null;
        }
    }

    private static int number(Map<String, String> values, String key, int min, int max) {
        String text = required(values, key);
        try {
            int n = Integer.parseInt(text);
            if (n < min || n > max) {
                fail(key, "expected a whole number from " + min + " to " + max + "; got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            fail(key, "expected a whole number from " + min + " to " + max + "; got '" + text + "'");
            return 0;
        }
    }

    private static List<String> addresses(Map<String, String> values, String key) {
        String text = blankToNull(values.get(key));
        List<String> list = new ArrayList<>();
        if (text == null) {
            return list;
        }
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                list.add(valid(key, part.strip()));
            }
        }
        return List.copyOf(list);
    }

    private static String address(Map<String, String> values, String key) {
        String text = blankToNull(values.get(key));
        return text == null ? null : valid(key, text);
    }

    private static String valid(String key, String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (!parsed.getAddress().equals(address) || !address.substring(address.indexOf('@') + 1).contains(".")) {
                throw new AddressException("not a plain address");
            }
            return address;
        } catch (AddressException e) {
            fail(key, "expected e-mail addresses separated by commas, such as dpo@example.com; got '" + address + "'");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void fail(String key, String problem) {
        throw new DeadlineConfigException(FILE + ": key 'dsr.deadline." + key + "' (" + variable(key) + "): "
                + problem, null);
    }

    private static String variable(String key) {
        return "DSR_DEADLINE_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
