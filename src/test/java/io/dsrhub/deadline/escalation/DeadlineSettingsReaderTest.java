package io.dsrhub.deadline.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.deadline.DeadlineConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dsr.deadline.* settings: defaults read, and every bad value names its key and environment variable. */
class DeadlineSettingsReaderTest {

    private static Map<String, String> defaults() {
        Map<String, String> values = new HashMap<>();
        values.put("schedule", "0 0/15 * * * ?");
        values.put("reminder-lead", "P7D");
        values.put("escalation-lead", "P2D");
        values.put("batch-size", "200");
        values.put("reminder-to", "");
        values.put("escalation-to", "");
        values.put("breach-to", "");
        values.put("sender", "");
        values.put("webhook-url", "");
        values.put("webhook-secret", "");
        values.put("webhook-max-attempts", "8");
        values.put("webhook-first-retry", "PT1M");
        return values;
    }

    private static DeadlineSettings read(String key, String value) {
        Map<String, String> values = defaults();
        values.put(key, value);
        return new DeadlineSettingsReader().read(values);
    }

    @Test
    void theShippedDefaultsRead() {
        DeadlineSettings settings = new DeadlineSettingsReader().read(defaults());
        assertThat(settings.reminderLead()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.escalationLead()).isEqualTo(Duration.ofDays(2));
        assertThat(settings.reminderTo()).isEmpty();
        assertThat(settings.hasWebhook()).isFalse();
    }

    @Test
    void addressListsAreSplitOnCommas() {
        assertThat(read("breach-to", "dpo@example.com, legal@example.com").breachTo())
                .containsExactly("dpo@example.com", "legal@example.com");
    }

    @Test
    void aBadCronExpressionIsNamed() {
        assertThatThrownBy(() -> read("schedule", "every 15 minutes")).isInstanceOf(DeadlineConfigException.class)
                .hasMessageStartingWith("config/application.properties: key 'dsr.deadline.schedule' "
                        + "(DSR_DEADLINE_SCHEDULE): expected a Quartz cron expression");
    }

    @Test
    void leadsMustBeDurationsAndTheEscalationComesAfterTheReminder() {
        assertThatThrownBy(() -> read("reminder-lead", "7 days"))
                .hasMessageContaining("key 'dsr.deadline.reminder-lead' (DSR_DEADLINE_REMINDER_LEAD)")
                .hasMessageContaining("ISO-8601 duration");
        assertThatThrownBy(() -> read("escalation-lead", "P10D"))
                .hasMessageContaining("key 'dsr.deadline.escalation-lead'").hasMessageContaining("must be shorter");
    }

    @Test
    void aWebhookNeedsAnHttpUrlAndASecretFromTheEnvironment() {
        assertThatThrownBy(() -> read("webhook-url", "https://hooks.example.com/dsr"))
                .hasMessageContaining("key 'dsr.deadline.webhook-secret' (DSR_DEADLINE_WEBHOOK_SECRET)");
        assertThatThrownBy(() -> read("webhook-url", "ftp://hooks.example.com/dsr"))
                .hasMessageContaining("key 'dsr.deadline.webhook-url'");
    }

    @Test
    void aBadAddressIsNamed() {
        assertThatThrownBy(() -> read("escalation-to", "dpo@example.com, not an address"))
                .hasMessageContaining("key 'dsr.deadline.escalation-to'").hasMessageContaining("'not an address'");
    }

    @Test
    void theBatchSizeIsBounded() {
        assertThatThrownBy(() -> read("batch-size", "0")).hasMessageContaining("from 1 to 5000; got 0");
    }
}
