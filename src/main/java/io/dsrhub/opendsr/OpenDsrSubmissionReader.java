package io.dsrhub.opendsr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.controller.Controller;
import io.dsrhub.domain.Channel;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.domain.NewRequest;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.Requester;
import io.dsrhub.domain.RequesterKind;
import io.dsrhub.intake.FieldErrors;
import io.dsrhub.intake.JsonFields;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an OpenDSR {@code POST /requests} body (spec §7.1) into a request. Identities may be raw or hashed
 * (sha256, sha1, md5); hashed values are kept as given, with their format. Error messages never repeat an identity.
 */
public final class OpenDsrSubmissionReader {

    static final Pattern UUID_V4 = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    private static final Map<String, IdentityType> IDENTITY_TYPES = Map.ofEntries(
            Map.entry("email", IdentityType.EMAIL),
            Map.entry("controller_customer_id", IdentityType.CUSTOMER_ID),
            Map.entry("android_advertising_id", IdentityType.ADVERTISING_ID),
            Map.entry("ios_advertising_id", IdentityType.ADVERTISING_ID),
            Map.entry("fire_advertising_id", IdentityType.ADVERTISING_ID),
            Map.entry("microsoft_advertising_id", IdentityType.ADVERTISING_ID),
            Map.entry("roku_advertising_id", IdentityType.ADVERTISING_ID),
            Map.entry("android_id", IdentityType.DEVICE_ID),
            Map.entry("ios_vendor_id", IdentityType.DEVICE_ID),
            Map.entry("microsoft_publisher_id", IdentityType.DEVICE_ID),
            Map.entry("roku_publisher_id", IdentityType.DEVICE_ID));
    private static final Map<String, Integer> HASH_LENGTHS = Map.of("sha256", 64, "sha1", 40, "md5", 32);
    private static final Pattern HEX = Pattern.compile("^[0-9a-f]+$");

    private final ObjectMapper json = new ObjectMapper();

    public static Set<String> supportedIdentityTypes() {
        return IDENTITY_TYPES.keySet();
    }

    /** The request and the callback URLs it asked for. */
    public record Submission(NewRequest request, List<String> callbackUrls) {
    }

    public Submission read(Controller controller, String body, Instant receivedAt, FieldErrors errors) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            errors.add("body", "is not valid JSON");
            return null;
        }
        if (root == null || !root.isObject()) {
            errors.add("body", "must be a JSON object");
            return null;
        }
        String regulation = text(root, "regulation", errors);
        String jurisdiction = null;
        if (regulation == null) {
            errors.add("regulation", "is required: gdpr or ccpa");
        } else if (regulation.equals("gdpr")) {
            jurisdiction = "EU";
        } else if (regulation.equals("ccpa")) {
            jurisdiction = "US-CA";
        } else {
            errors.add("regulation", "must be gdpr or ccpa");
        }
        String id = text(root, "subject_request_id", errors);
        if (id == null || !UUID_V4.matcher(id).matches()) {
            errors.add("subject_request_id", "is required and must be a lower-case UUID v4");
        }
        RequestType type = switch (String.valueOf(text(root, "subject_request_type", errors))) {
            case "access" -> RequestType.ACCESS;
            case "portability" -> RequestType.PORTABILITY;
            case "erasure" -> RequestType.ERASURE;
            default -> {
                errors.add("subject_request_type", "is required: access, portability or erasure");
                yield null;
            }
        };
        Instant submitted = null;
        String submittedText = text(root, "submitted_time", errors);
        try {
            submitted = submittedText == null ? null : OffsetDateTime.parse(submittedText).toInstant();
        } catch (DateTimeParseException e) {
            errors.add("submitted_time", "must be an RFC 3339 date-time");
        }
        if (submittedText == null) {
            errors.add("submitted_time", "is required: the RFC 3339 time the subject made the request");
        }
        List<Identity> identities = identities(root.get("subject_identities"), errors);
        List<String> callbacks = callbacks(root.get("status_callback_urls"), errors);
        if (!errors.isEmpty()) {
            return null;
        }
        NewRequest request = new NewRequest(controller.id(), EnumSet.of(type), identities,
                new Requester(RequesterKind.SUBJECT, null, null), null, jurisdiction, controller.defaultLanguage(),
                null, Channel.OPENDSR, "opendsr:" + controller.id() + ":" + id, id,
                submitted != null && submitted.isBefore(receivedAt) ? submitted : receivedAt);
        return new Submission(request, callbacks);
    }

    private static String text(JsonNode root, String field, FieldErrors errors) {
        return JsonFields.text(root, field, field, errors);
    }

    private static List<Identity> identities(JsonNode node, FieldErrors errors) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            errors.add("subject_identities", "is required: a non-empty array of identities");
            return List.of();
        }
        if (node.size() > 20) {
            errors.add("subject_identities", "must not have more than 20 identities");
            return List.of();
        }
        Set<Identity> identities = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "subject_identities[" + i + "]";
            JsonNode item = node.get(i);
            String type = item.path("identity_type").asText(null);
            String value = item.path("identity_value").asText(null);
            String format = item.path("identity_format").asText(null);
            IdentityType mapped = type == null ? null : IDENTITY_TYPES.get(type);
            if (mapped == null) {
                errors.add(field + ".identity_type", "must be one of " + String.join(", ", IDENTITY_TYPES.keySet()));
                continue;
            }
            if (format == null || !(format.equals("raw") || HASH_LENGTHS.containsKey(format))) {
                errors.add(field + ".identity_format", "must be raw, sha256, sha1 or md5");
                continue;
            }
            if (value == null || value.isBlank()) {
                errors.add(field + ".identity_value", "is required");
                continue;
            }
            if (format.equals("raw")) {
                if (!mapped.accepts(value.strip())) {
                    errors.add(field + ".identity_value", "is not a valid " + type);
                    continue;
                }
                identities.add(Identity.raw(mapped, value));
            } else {
                String digest = value.strip().toLowerCase(java.util.Locale.ROOT);
                if (digest.length() != HASH_LENGTHS.get(format) || !HEX.matcher(digest).matches()) {
                    errors.add(field + ".identity_value", "is not a " + format + " hex digest");
                    continue;
                }
                identities.add(new Identity(mapped, digest, format));
            }
        }
        return new ArrayList<>(identities);
    }

    private static List<String> callbacks(JsonNode node, FieldErrors errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > 5) {
            errors.add("status_callback_urls", "must be an array of at most 5 URLs");
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String url = node.get(i).asText("");
            try {
                URI uri = URI.create(url);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                        || url.length() > 2000) {
                    throw new IllegalArgumentException();
                }
                urls.add(url);
            } catch (IllegalArgumentException e) {
                errors.add("status_callback_urls[" + i + "]", "must be an absolute http(s) URL");
            }
        }
        return urls;
    }
}
