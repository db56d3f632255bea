package io.dsrhub.connector.s3;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One region of a bucket system: an S3-compatible endpoint, a bucket and their client. Listings are paged and
 * objects are read as streams, so any number of objects of any size passes through without being held.
 */
final class S3Region implements AutoCloseable {

    /** S3 deletes at most this many versions per request. */
    private static final int DELETE_BATCH = 1000;
    private static final int MAX_KEYS = 1000;

    /** What an erasure removed in one location. */
    record Erased(int objects, int versions, long bytes, List<String> keys, boolean keysTruncated) {
    }

    private final String id;
    private final String bucket;
    private final S3Client s3;
    private final S3Presigner presigner;

    S3Region(S3SystemFile.RegionSettings settings) {
        this.id = settings.id();
        this.bucket = settings.bucket();
        AwsCredentialsProvider credentials = settings.accessKey() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                        settings.secretKey()));
        S3Configuration plain = S3Configuration.builder().chunkedEncodingEnabled(false).build();
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClient(ApacheHttpClient.builder().build())
                // plain payloads: not every S3-compatible store understands aws-chunked uploads with trailers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(plain);
        var presign = S3Presigner.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.endpoint() != null)
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint())).forcePathStyle(true);
            presign.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
        this.presigner = presign.build();
    }

    String id() {
        return id;
    }

    String bucket() {
        return bucket;
    }

    void verify() {
        s3.headBucket(b -> b.bucket(bucket));
    }

    /** The current objects at a key or under a prefix, page by page. */
    Stream<S3Object> current(String location, boolean prefix) {
        if (prefix) {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(location)).contents().stream();
        }
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(location));
            return Stream.of(S3Object.builder().key(location).size(head.contentLength())
                    .lastModified(head.lastModified()).eTag(head.eTag()).build());
        } catch (NoSuchKeyException missing) {
            return Stream.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Stream.empty();
            }
            throw e;
        }
    }

    ResponseInputStream<GetObjectResponse> open(String key) {
        return s3.getObject(b -> b.bucket(bucket).key(key));
    }

    String presign(String key, Duration expiry) {
        return presigner.presignGetObject(p -> p.signatureDuration(expiry)
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString();
    }

    /** Deletes every version and delete marker at a key or under a prefix, a page of the listing at a time. */
    Erased deleteAllVersions(String location, boolean prefix) {
        int objects = 0;
        int versions = 0;
        long bytes = 0;
        List<String> keys = new ArrayList<>();
        boolean truncated = false;
        String lastKey = null;
        String keyMarker = null;
        String versionMarker = null;
        while (true) {
            String km = keyMarker;
            String vm = versionMarker;
            ListObjectVersionsResponse page = s3.listObjectVersions(b -> b.bucket(bucket).prefix(location)
                    .keyMarker(km).versionIdMarker(vm));
            List<ObjectIdentifier> batch = new ArrayList<>();
            for (var version : page.versions()) {
                if (!prefix && !version.key().equals(location)) {
                    continue;
                }
                batch.add(ObjectIdentifier.builder().key(version.key()).versionId(version.versionId()).build());
                bytes += version.size() == null ? 0 : version.size();
                if (!version.key().equals(lastKey)) {
                    lastKey = version.key();
                    objects++;
                    if (keys.size() < MAX_KEYS) {
                        keys.add(version.key());
                    } else {
                        truncated = true;
                    }
                }
            }
            for (var marker : page.deleteMarkers()) {
                if (!prefix && !marker.key().equals(location)) {
                    continue;
                }
                batch.add(ObjectIdentifier.builder().key(marker.key()).versionId(marker.versionId()).build());
            }
            versions += batch.size();
            for (int start = 0; start < batch.size(); start += DELETE_BATCH) {
                List<ObjectIdentifier> part = batch.subList(start, Math.min(batch.size(), start + DELETE_BATCH));
                DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket)
                        .delete(d -> d.objects(part).quiet(true)));
                if (response.hasErrors() && !response.errors().isEmpty()) {
                    throw new IllegalStateException("bucket " + bucket + " refused to delete "
                            + response.errors().size() + " versions: " + response.errors().get(0).code());
                }
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        }
        return new Erased(objects, versions, bytes, List.copyOf(keys), truncated);
    }

    @Override
    public void close() {
        s3.close();
        presigner.close();
    }
}
