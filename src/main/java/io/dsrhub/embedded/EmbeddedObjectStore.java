package io.dsrhub.embedded;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded profile's S3-compatible endpoint (LocalS3, with object versioning), keeping its data under the data
 * directory. Never started when an S3 endpoint is configured.
 */
public final class EmbeddedObjectStore {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedObjectStore.class);

    private final LocalS3 localS3;

    public EmbeddedObjectStore(int port, Path dataDirectory) {
        LocalS3.Builder builder = LocalS3.builder().port(port).nettyParentEventGroupThreadNum(1)
                .nettyChildEventGroupThreadNum(2).s3ExecutorThreadNum(2);
        if (dataDirectory == null) {
            builder.mode(LocalS3Mode.IN_MEMORY);
        } else {
            builder.mode(LocalS3Mode.PERSISTENCE).dataPath(dataDirectory.toAbsolutePath().toString());
        }
        this.localS3 = builder.build();
    }

    public void start() {
        localS3.start();
        LOG.info("embedded S3 endpoint on http://127.0.0.1:{}", localS3.getPort());
    }

    public void stop() {
        localS3.shutdown();
    }

    public int port() {
        return localS3.getPort();
    }
}
