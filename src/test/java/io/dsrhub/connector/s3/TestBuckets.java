package io.dsrhub.connector.s3;

import io.dsrhub.embedded.EmbeddedObjectStore;
import io.dsrhub.testing.FreePorts;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** A real in-process S3 endpoint (LocalS3, in memory) standing for one region of a bucket system. */
final class TestBuckets implements AutoCloseable {

    private final EmbeddedObjectStore store;
    private final S3Client s3;
    private final String endpoint;

    TestBuckets(String region) {
        int port = FreePorts.next();
        this.store = new EmbeddedObjectStore(port, null);
        store.start();
        this.endpoint = "http://127.0.0.1:" + port;
        this.s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .build();
    }

    String endpoint() {
        return endpoint;
    }

    S3Client client() {
        return s3;
    }

    TestBuckets versionedBucket(String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        return this;
    }

    TestBuckets put(String bucket, String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
        return this;
    }

    TestBuckets delete(String bucket, String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
        return this;
    }

    /** Every version and delete marker under a prefix, as key@versionId. */
    java.util.List<String> versions(String bucket, String prefix) {
        var listing = s3.listObjectVersions(b -> b.bucket(bucket).prefix(prefix));
        java.util.List<String> all = new java.util.ArrayList<>();
        listing.versions().forEach(v -> all.add(v.key() + "@" + v.versionId()));
        listing.deleteMarkers().forEach(m -> all.add(m.key() + "@" + m.versionId() + " (delete marker)"));
        return all;
    }

    @Override
    public void close() {
        s3.close();
        store.stop();
    }
}
