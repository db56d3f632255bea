package io.dsrhub.storage;

import io.dsrhub.HubProfile;
import java.net.URI;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** The S3 client for the hub's own buckets. */
@Configuration
public class StorageConfiguration {

    @BindToRegistry(value = "objectStoreSettings", lazy = true)
    public ObjectStoreSettings objectStoreSettings(HubProfile profile,
            @PropertyInject("dsr.s3.endpoint") String endpoint,
            @PropertyInject("dsr.s3.region") String region,
            @PropertyInject("dsr.s3.access-key") String accessKey,
            @PropertyInject("dsr.s3.secret-key") String secretKey,
            @PropertyInject("dsr.s3.evidence-bucket") String evidenceBucket,
            @PropertyInject("dsr.s3.export-bucket") String exportBucket,
            @PropertyInject("dsr.embedded.s3-port") int embeddedPort) {
        if (profile.needsEmbedded("dsr.s3.endpoint", "DSR_S3_ENDPOINT", endpoint)) {
            return new ObjectStoreSettings(URI.create("http://127.0.0.1:" + embeddedPort), region, "embedded",
                    "embedded", evidenceBucket, exportBucket);
        }
        profile.needsEmbedded("dsr.s3.access-key", "DSR_S3_ACCESS_KEY", accessKey);
        profile.needsEmbedded("dsr.s3.secret-key", "DSR_S3_SECRET_KEY", secretKey);
        return new ObjectStoreSettings(URI.create(endpoint), region, accessKey, secretKey, evidenceBucket,
                exportBucket);
    }

    @BindToRegistry(value = "hubS3Client", lazy = true)
    public S3Client hubS3Client(ObjectStoreSettings settings) {
        return S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .httpClient(ApacheHttpClient.builder().build())
                // plain payloads: not every S3-compatible store understands aws-chunked uploads with trailers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .build();
    }

    @BindToRegistry(value = "hubBuckets", lazy = true)
    public HubBuckets hubBuckets(S3Client hubS3Client) {
        return new HubBuckets(hubS3Client);
    }
}
