package io.dsrhub.storage;

import java.net.URI;

/**
 * Where the hub keeps its own objects (evidence attachments, export packages): an S3-compatible endpoint, a
 * region and static credentials from the environment. In the embedded profile, the embedded endpoint.
 */
public record ObjectStoreSettings(URI endpoint, String region, String accessKey, String secretKey,
        String evidenceBucket, String exportBucket) {
}
