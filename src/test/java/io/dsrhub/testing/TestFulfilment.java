package io.dsrhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fulfilment folder of a test's own ({@code dsr.fulfilment.dir}): policies and systems written from text, so a
 * test points the hub at exactly the systems it set up (databases with random names, S3 endpoints on free ports).
 */
public final class TestFulfilment {

    private final Path directory;

    private TestFulfilment(Path directory) {
        this.directory = directory;
    }

    public static TestFulfilment create() {
        try {
            return new TestFulfilment(Files.createTempDirectory("dsr-fulfilment-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestFulfilment policy(String controllerId, String yaml) {
        write(directory.resolve(controllerId).resolve("policy.yaml"), yaml);
        return this;
    }

    public TestFulfilment system(String controllerId, String systemId, String yaml) {
        write(directory.resolve(controllerId).resolve("systems").resolve(systemId + ".yaml"), yaml);
        return this;
    }

    public Path path() {
        return directory;
    }

    /** The hub property that points at this folder. */
    public HubInstance.Builder applyTo(HubInstance.Builder builder) {
        return builder.property("dsr.fulfilment.dir", directory.toString());
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
