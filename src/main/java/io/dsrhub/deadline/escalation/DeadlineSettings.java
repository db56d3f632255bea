package io.dsrhub.deadline.escalation;

import java.time.Duration;
import java.util.List;

/**
 * The escalation pass's settings ({@code dsr.deadline.*} in {@code config/application.properties}), checked at
 * start-up.
 *
 * @param reminderTo    where reminders go; empty: the controller's contact address
 * @param escalationTo  who else hears of escalations, besides the controller's privacy officer
 * @param breachTo      who else hears of breaches, besides the controller's privacy officer
 * @param sender        the From of deadline mail; null: the controller's contact address
 * @param webhookUrl    where each dispatch is also POSTed as JSON, or null
 * @param webhookSecret the key of the webhook's HMAC-SHA256 signature (from the environment)
 */
public record DeadlineSettings(
        String schedule,
        Duration reminderLead,
        Duration escalationLead,
        int batchSize,
        List<String> reminderTo,
        List<String> escalationTo,
        List<String> breachTo,
        String sender,
        String webhookUrl,
        String webhookSecret,
        int webhookMaxAttempts,
        Duration webhookFirstRetry) {

    public boolean hasWebhook() {
        return webhookUrl != null;
    }

    /** The camel-http endpoint the dispatches are POSTed to. */
    public String webhookEndpoint() {
        if (webhookUrl == null) {
            throw new IllegalStateException("no webhook configured (dsr.deadline.webhook-url)");
        }
        return webhookUrl + (webhookUrl.contains("?") ? "&" : "?")
                + "httpMethod=POST&throwExceptionOnFailure=true&followRedirects=false"
                + "&httpClientConfigurer=#deadlineWebhookClient";
    }

    public Duration leadOf(EscalationStage stage) {
        return switch (stage) {
            case REMINDER -> reminderLead;
            case ESCALATION -> escalationLead;
            case BREACH -> Duration.ZERO;
        };
    }
}
