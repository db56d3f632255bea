package io.dsrhub.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Where tasks put what they export: the hub's export bucket, under {@code requests/<request id>/<system id>/}. The
 * replies build the subject's package from these objects. Objects are streamed in parts, never held whole.
 */
public final class ExportStore {

    private static final Pattern SAFE_SEGMENT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");

    private final HubBuckets buckets;
    private final String bucket;
    private final int partSize;

    public ExportStore(HubBuckets buckets, String bucket, int partSize) {
        this.buckets = buckets;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    public String bucket() {
        return bucket;
    }

    /** The key of an exported object: {@code requests/<request>/<system>/<name>}. */
    public String keyOf(String requestId, String systemId, String name) {
        if (!SAFE_SEGMENT.matcher(requestId).matches() || !SAFE_SEGMENT.matcher(systemId).matches()) {
            throw new IllegalArgumentException("unsafe request or system id in an export key");
        }
        if (name.startsWith("/") || name.contains("..")) {
            throw new IllegalArgumentException("unsafe export object name");
        }
        return "requests/" + requestId + "/" + systemId + "/" + name;
    }

    /** Opens an object for writing; it exists once the stream is closed. */
    public StreamingUpload open(String key, String contentType) {
        return new StreamingUpload(buckets.client(), buckets.ensure(bucket), key, contentType, partSize);
    }

    /** Copies a stream into an object, part by part; returns the bytes copied. */
    public long copy(InputStream in, String key, String contentType) throws IOException {
        StreamingUpload upload = open(key, contentType);
        try (upload) {
            in.transferTo(upload);
        } catch (IOException | RuntimeException e) {
            upload.abort();
            throw e;
        }
        return upload.size();
    }
}
