package io.dsrhub.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.connector.ConnectorRejection;
import io.dsrhub.connector.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Calls a processor's API: bearer authentication, an {@code Idempotency-Key} on writes, a time limit per call.
 * Answers are sorted into what the task engine does with them: 2xx is read; 404 means "not there"; 429 (and 503)
 * with {@code Retry-After} retries the task after that time; other 5xx and network errors retry with back-off;
 * 400, 401 and 403 can never succeed as configured and stop the task (escalated to the operator). Error texts carry
 * the status and the path, never the subject's identifiers (those are in the query, which is left out).
 */
final class ProcessorHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String baseUrl;
    private final io.dsrhub.connector.ApiCredentials credentials;
    private final Duration timeout;
    private final Clock clock;

    ProcessorHttp(String baseUrl, io.dsrhub.connector.ApiCredentials credentials, Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * The answer as JSON, or empty when the processor says the thing is not there (404).
     *
     * @param template the call's URL as configured (placeholders not filled in): the only form of the URL that
     *                 error messages carry, so the subject's identifiers never reach a log or the ledger's errors
     * @param body     a JSON body (POST), or null
     */
    Optional<JsonNode> call(String method, String path, String template, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", "application/json");
        if (credentials.authorization() != null) {
            request.header("Authorization", credentials.authorization());
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        String where = method + " " + template.replaceFirst("\\?.*$", "");
        if (status >= 200 && status < 300) {
            String text = response.body();
            return Optional.of(text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
        }
        if (status == 404) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(this::retryAfter);
        if ((status == 429 || status == 503) && retryAfter.isPresent()) {
            throw new RetryAfter("the processor answered " + status + " to " + where + "; retry after "
                    + retryAfter.get(), retryAfter.get());
        }
        if (status == 400 || status == 401 || status == 403) {
            throw new ConnectorRejection("the processor refused " + where + " with " + status
                    + " (check the API key and the system file)");
        }
        throw new IOException("the processor answered " + status + " to " + where);
    }

    /** {@code Retry-After}: seconds, or an HTTP date. */
    private Optional<Duration> retryAfter(String value) {
        String text = value.strip();
        if (text.matches("^[0-9]{1,9}$")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
