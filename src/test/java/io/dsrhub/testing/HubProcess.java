package io.dsrhub.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A hub in a process of its own, for tests that must kill it the hard way (SIGKILL: no shutdown hook, no finally
 * block, no graceful stop of Camel). {@link #main} boots the real main class through {@link HubInstance} with the
 * properties it is given and runs until it is killed.
 */
public final class HubProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private HubProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts a hub process with these override properties; its output goes to a file under target/. */
    public static HubProcess start(Map<String, String> properties) {
        // no empty entries: an empty entry is the working directory, whose routes/ would be loaded a second time
        String classPath = java.util.Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(java.util.stream.Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", classPath, HubProcess.class.getName()));
        properties.forEach((k, v) -> command.add(k + "=" + v));
        try {
            Path log = Files.createTempFile(Path.of("target").toAbsolutePath(), "hub-process-", ".log");
            Process process = new ProcessBuilder(command).directory(new File(".").getAbsoluteFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new HubProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process at once (SIGKILL), as a power cut or the kernel's OOM killer would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        HubInstance.Builder builder = HubInstance.builder();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            builder.property(arg.substring(0, eq), arg.substring(eq + 1));
        }
        builder.start();
        System.out.println("HUB PROCESS STARTED");
        new CountDownLatch(1).await();
    }
}
