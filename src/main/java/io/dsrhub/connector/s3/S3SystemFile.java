package io.dsrhub.connector.s3;

import io.dsrhub.fulfilment.DerivedIdentity;
import java.time.Duration;
import java.util.List;

/**
 * A bucket system file ({@code type: s3}) as written.
 *
 * @param export     {@code copy} (objects are copied into the hub's export bucket; the default) or {@code link}
 *                   (presigned links to the system's own objects, valid for {@code link-expiry})
 * @param regions    the endpoints and buckets holding the objects, one per region
 * @param objects    where a subject's objects are: key templates or prefixes built from identities
 */
public record S3SystemFile(String id, String name, String type, Boolean demo, Integer maxConcurrency,
        List<DerivedIdentity> identitiesFrom, String export, Duration linkExpiry, List<RegionSettings> regions,
        List<ObjectSet> objects) {

    /**
     * One region: an S3-compatible endpoint (AWS when absent), its region name and bucket, and credentials from the
     * environment (the default AWS credential chain when absent).
     */
    public record RegionSettings(String id, String region, String endpoint, String bucket, String accessKey,
            String secretKey) {
    }

    /**
     * A subject's objects: exactly one of {@code prefix} (every object under it; must end with '/') or {@code key}
     * (one object), with {@code {identity}} placeholders such as {@code videos/{account-id}/}.
     */
    public record ObjectSet(String prefix, String key, List<String> categories) {
    }
}
