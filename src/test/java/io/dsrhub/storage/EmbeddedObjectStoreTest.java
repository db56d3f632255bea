package io.dsrhub.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** With no S3 endpoint configured, the hub runs its own S3-compatible store, versioning included. */
class EmbeddedObjectStoreTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.H2);


    @Test
    void hubBucketsAreCreatedOnFirstUseAndKeepEveryVersion() {
        HubBuckets buckets = hub.bean(HubBuckets.class);
        S3Client s3 = buckets.client();
        String bucket = buckets.ensure("dsr-evidence");
        assertThat(buckets.ensure("dsr-evidence")).isEqualTo(bucket);
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));

        s3.putObject(b -> b.bucket(bucket).key("letters/a.txt"), RequestBody.fromString("first", StandardCharsets.UTF_8));
        s3.putObject(b -> b.bucket(bucket).key("letters/a.txt"), RequestBody.fromString("second", StandardCharsets.UTF_8));

        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("letters/a.txt")).asUtf8String()).isEqualTo("second");
        assertThat(s3.listObjectVersions(b -> b.bucket(bucket).prefix("letters/")).versions()).hasSize(2);
    }
}
