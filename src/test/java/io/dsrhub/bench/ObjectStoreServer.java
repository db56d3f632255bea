package io.dsrhub.bench;

import io.dsrhub.embedded.EmbeddedObjectStore;
import java.nio.file.Path;

/**
 * An S3-compatible endpoint (LocalS3, objects on disk) in a JVM of its own, so that a benchmark measures the hub's
 * memory and not the store's. Arguments: port, data directory.
 */
public final class ObjectStoreServer {

    private ObjectStoreServer() {
    }

    public static void main(String... args) throws InterruptedException {
        EmbeddedObjectStore store = new EmbeddedObjectStore(Integer.parseInt(args[0]), Path.of(args[1]));
        store.start();
        Runtime.getRuntime().addShutdownHook(new Thread(store::stop));
        Thread.currentThread().join();
    }
}
