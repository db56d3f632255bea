package io.dsrhub.storage;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The hub's private buckets. {@link #ensure(String)} creates a bucket the first time the hub needs it (a no-op
 * when it exists), so the hub starts even while the object store is still coming up.
 */
public final class HubBuckets {

    private final S3Client s3;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public HubBuckets(S3Client s3) {
        this.s3 = s3;
    }

    public String ensure(String bucket) {
        if (known.contains(bucket)) {
            return bucket;
        }
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException raced) {
                // another hub instance made it meanwhile
            } catch (BucketAlreadyExistsException raced) {
                // some S3 implementations answer so when another thread or instance made it meanwhile: it is ours
                // when we can see it (a foreign bucket of that name fails here)
                s3.headBucket(b -> b.bucket(bucket));
            }
        }
        known.add(bucket);
        return bucket;
    }

    public S3Client client() {
        return s3;
    }
}
