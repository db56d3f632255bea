package io.dsrhub.connector.backup;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** The bucket of one backup set: lists the backups (objects under the set's prefix) taken up to a moment. */
final class BackupBucket implements AutoCloseable {

    /** One backup object. */
    record Backup(String key, Instant takenAt) {
    }

    private final BackupSystemFile.Bucket settings;
    private final S3Client s3;

    BackupBucket(BackupSystemFile.Bucket settings) {
        this.settings = settings;
        AwsCredentialsProvider credentials = settings.accessKey() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                        settings.secretKey()));
        var builder = S3Client.builder().region(Region.of(settings.region() == null ? "us-east-1" : settings.region()))
                .credentialsProvider(credentials).httpClient(ApacheHttpClient.builder().build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint())).forcePathStyle(true);
        }
        this.s3 = builder.build();
    }

    String name() {
        return settings.bucket();
    }

    void verify() {
        s3.headBucket(b -> b.bucket(settings.bucket()));
    }

    /** The backups taken up to {@code until}, oldest first. */
    List<Backup> takenUntil(Instant until) {
        String prefix = settings.prefix() == null ? "" : settings.prefix();
        return s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(prefix)).contents().stream()
                .filter(o -> !o.lastModified().isAfter(until))
                .map(o -> new Backup(o.key(), o.lastModified()))
                .sorted(java.util.Comparator.comparing(Backup::takenAt))
                .toList();
    }

    @Override
    public void close() {
        s3.close();
    }
}
