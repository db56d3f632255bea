package io.dsrhub.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.fulfilment.FulfilmentConfigException;
import io.dsrhub.fulfilment.FulfilmentFileReader;
import io.dsrhub.fulfilment.SystemContext;
import io.dsrhub.fulfilment.TargetSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Reads a {@code type: http} system file (a processor's API, or {@code preset: stripe}). */
public final class HttpSystemReader {

    private static final Set<String> METHODS = Set.of("GET", "POST", "DELETE");

    private HttpSystemReader() {
    }

    public static TargetSystem read(Path path, JsonNode tree, FulfilmentFileReader reader, String controllerId,
            SystemContext context) {
        String file = path.toString();
        HttpSystemFile system = reader.bind(path, tree, HttpSystemFile.class);
        boolean stripe = "stripe".equals(system.preset());
        if (system.preset() != null && !stripe) {
            throw new FulfilmentConfigException(file, "preset", "expected stripe (or no preset); got '"
                    + system.preset() + "'");
        }
        String baseUrl = system.baseUrl() != null ? system.baseUrl() : stripe ? StripePreset.BASE_URL : null;
        if (baseUrl == null || !baseUrl.matches("^https?://[^\\s]+$")) {
            throw new FulfilmentConfigException(file, "base-url", "expected the API's http(s) URL; got '" + baseUrl
                    + "'");
        }
        if (system.categories() == null || system.categories().isEmpty()
                || !system.categories().stream().allMatch(DataCategories::isValid)) {
            throw new FulfilmentConfigException(file, "categories", "expected the data categories the processor "
                    + "holds, such as [user.financial, user.contact.email]");
        }
        HttpSystemFile.Call find = system.find() != null ? system.find() : stripe ? StripePreset.FIND : null;
        List<HttpSystemFile.Call> export = system.export() != null ? system.export()
                : stripe ? StripePreset.EXPORT : List.of();
        List<HttpSystemFile.Call> erase = system.erase() != null ? system.erase()
                : stripe ? StripePreset.ERASE : List.of();
        if (find == null) {
            throw new FulfilmentConfigException(file, "find", "expected how the subject's records are found, such "
                    + "as {url: \"/v1/customers?email={email}\", items: /data, id: /id}");
        }
        check(file, "find", find, true);
        for (int i = 0; i < export.size(); i++) {
            check(file, "export[" + i + "]", export.get(i), false);
        }
        for (int i = 0; i < erase.size(); i++) {
            check(file, "erase[" + i + "]", erase.get(i), false);
        }
        Duration timeout = system.timeout() == null ? Duration.ofSeconds(30) : system.timeout();
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new FulfilmentConfigException(file, "timeout", "expected a duration up to PT5M; got " + timeout);
        }
        String processor = system.processor() != null ? system.processor() : stripe ? "Stripe" : system.id();
        ProcessorHttp http = new ProcessorHttp(baseUrl, new io.dsrhub.connector.ApiCredentials(system.apiUser(),
                system.apiKey()), timeout, context.clock());
        HttpConnector connector = new HttpConnector(system.id(), processor, new DataCategories(system.categories()),
                find, export, erase, http, context);
        return new TargetSystem(system.id(), system.name() == null ? processor : system.name(), controllerId, file,
                Boolean.TRUE.equals(system.demo()), context.concurrency(file, system.maxConcurrency()),
                system.identitiesFrom() == null ? List.of() : List.copyOf(system.identitiesFrom()),
                connector);
    }

    private static void check(String file, String key, HttpSystemFile.Call call, boolean identity) {
        if (call.kind() == null || !call.kind().matches("^[a-z][a-z0-9-]{0,39}$")) {
            throw new FulfilmentConfigException(file, key + ".kind", "expected a short name for the records, such "
                    + "as customer; got '" + call.kind() + "'");
        }
        if (call.method() != null && !METHODS.contains(call.method())) {
            throw new FulfilmentConfigException(file, key + ".method", "expected GET, POST or DELETE; got '"
                    + call.method() + "'");
        }
        if (call.url() == null || !call.url().startsWith("/")) {
            throw new FulfilmentConfigException(file, key + ".url", "expected a path starting with '/' (relative "
                    + "to base-url); got '" + call.url() + "'");
        }
        Set<String> names = new UrlTemplate(call.url()).names();
        if (identity && names.isEmpty() && call.body() != null) {
            names = new UrlTemplate(call.body()).names();
        }
        if (identity) {
            if (names.isEmpty() || !names.stream().allMatch(n -> IdentityType.fromCode(n).isPresent())) {
                throw new FulfilmentConfigException(file, key + ".url", "expected one identity placeholder such as "
                        + "{email} or {customer-id}; got " + names);
            }
        } else if (!names.equals(Set.of("id"))) {
            throw new FulfilmentConfigException(file, key + ".url", "expected the placeholder {id} (the record "
                    + "found); got " + names);
        }
        if (call.body() != null) {
            if (!"POST".equals(call.method())) {
                throw new FulfilmentConfigException(file, key + ".body", "a body is sent with method: POST only");
            }
            Set<String> inBody = new UrlTemplate(call.body()).names();
            boolean allowed = identity ? inBody.stream().allMatch(n -> IdentityType.fromCode(n).isPresent())
                    && (inBody.isEmpty() || inBody.equals(names)) : Set.of("id").containsAll(inBody);
            if (!allowed) {
                throw new FulfilmentConfigException(file, key + ".body", "expected the placeholders of the url ("
                        + names + "); got " + inBody);
            }
            try {
                java.util.Map<String, String> sample = new java.util.HashMap<>();
                new UrlTemplate(call.body()).names().forEach(n -> sample.put(n, "x"));
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(new UrlTemplate(call.body())
                        .fillJson(sample));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new FulfilmentConfigException(file, key + ".body", "is not JSON once filled in: "
                        + e.getOriginalMessage());
            }
        }
        for (String pointer : new String[] {call.items(), call.id(), call.check()}) {
            if (pointer != null && !pointer.startsWith("/")) {
                throw new FulfilmentConfigException(file, key, "JSON pointers start with '/', such as /data; got '"
                        + pointer + "'");
            }
        }
        if (call.next() != null && (call.next().param() == null || call.next().hasMore() == null
                || call.next().cursor() == null || call.items() == null)) {
            throw new FulfilmentConfigException(file, key + ".next", "expected has-more, param and cursor (a JSON "
                    + "pointer or last-id), and items on the call");
        }
    }
}
