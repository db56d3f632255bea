package io.dsrhub.evidence;

import io.dsrhub.storage.HubBuckets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Keeps evidence (attachments such as a signed authorisation letter) in the hub's private evidence bucket. Keys
 * are made here from the request id and a generated name only, never from anything a sender chose.
 */
public final class EvidenceStore {

    private static final Pattern REQUEST_ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern CONTENT_TYPE = Pattern.compile("^[a-z0-9!#$&^_.+-]{1,64}/[a-z0-9!#$&^_.+-]{1,64}$");

    private final HubBuckets buckets;
    private final String bucket;

    public EvidenceStore(HubBuckets buckets, String bucket) {
        this.buckets = buckets;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** A new object key for a request's evidence: {@code <request id>/<random UUID>}. */
    public String newKey(String requestId) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new IllegalArgumentException("not a request id");
        }
        return requestId + "/" + UUID.randomUUID();
    }

    /** Writes an object; writing the same key again with the same content is harmless (a retried upload). */
    public void put(String key, byte[] content, String contentType, String sha256) {
        String type = contentType != null && CONTENT_TYPE.matcher(contentType).matches()
                ? contentType : "application/octet-stream";
        buckets.client().putObject(b -> b.bucket(buckets.ensure(bucket)).key(key).contentType(type)
                        .contentLength((long) content.length).metadata(Map.of("sha256", sha256)),
                RequestBody.fromBytes(content));
    }

    public byte[] get(String key) {
        return buckets.client().getObjectAsBytes(b -> b.bucket(buckets.ensure(bucket)).key(key)).asByteArray();
    }
}
