package io.dsrhub.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the embedded profile makes for itself when the environment gives none: random, written once to a file
 * under the data directory (readable by the owner only) and reused on the next start.
 */
public final class GeneratedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public GeneratedSecrets(Path directory) {
        this.directory = directory;
    }

    public String getOrCreate(String name) {
        Path file = directory.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(directory);
            String secret = random();
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions; the data directory's own protection applies
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated secret " + file, e);
        }
    }

    public Path pathOf(String name) {
        return directory.resolve(name);
    }

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
