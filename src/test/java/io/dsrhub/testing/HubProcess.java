package io.dsrhub.testing;

import io.dsrhub.HubApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A hub in a JVM of its own, started from the test's class path with its settings as system properties, so that a
 * test can kill it the hard way ({@link #kill()}: SIGKILL, no shutdown of any kind), as a crash or an OOM kill
 * would. Its output goes to {@code target/hub-process-<n>.log}.
 */
public final class HubProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private HubProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a hub against the ledger database, sending mail to {@code mail}, with extra properties. */
    public static HubProcess start(TestDatabase database, TestMailServer mail, Map<String, String> properties) {
        int port = FreePorts.next();
        Path dataDir;
        Path log;
        try {
            dataDir = Files.createTempDirectory("dsr-hub-process-");
            Files.createDirectories(Path.of("target"));
            log = Path.of("target", "hub-process-" + UUID.randomUUID().toString().substring(0, 8) + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("camel.server.host", "127.0.0.1");
        all.put("camel.server.port", Integer.toString(port));
        all.put("camel.management.port", Integer.toString(port));
        all.put("camel.main.shutdown-timeout", "5");
        all.put("dsr.data-dir", dataDir.toString());
        all.put("dsr.public-base-url", "http://127.0.0.1:" + port);
        all.put("dsr.admin.token", HubInstance.ADMIN_TOKEN);
        all.put("dsr.security.token-secret", "test-token-secret-" + UUID.randomUUID());
        all.put("dsr.embedded.smtp-port", Integer.toString(FreePorts.next()));
        all.put("dsr.embedded.imap-port", Integer.toString(FreePorts.next()));
        all.put("dsr.embedded.s3-port", Integer.toString(FreePorts.next()));
        all.put("dsr.ledger.jdbc-url", database.url());
        all.put("dsr.ledger.username", database.username());
        all.put("dsr.ledger.password", database.password());
        all.put("dsr.mail.smtp.host", "127.0.0.1");
        all.put("dsr.mail.smtp.port", Integer.toString(mail.smtpPort()));
        all.put("dsr.mail.smtp.starttls", "false");
        all.put("dsr.controllers.dir", Path.of("config", "controllers").toAbsolutePath().toString());
        all.put("dsr.fulfilment.dir", Path.of("config", "fulfilment").toAbsolutePath().toString());
        all.put("dsr.deadline.regimes-file", Path.of("config", "regimes.yaml").toAbsolutePath().toString());
        all.put("dsr.deadline.holidays-dir", Path.of("config", "holidays").toAbsolutePath().toString());
        all.put("dsr.classification.dir", Path.of("config", "classification").toAbsolutePath().toString());
        all.putAll(properties);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        all.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HubApplication.class.getName());
        try {
            // not in the project folder: Camel would find routes/*.yaml there as well as on the class path
            Process process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toAbsolutePath().toFile()).start();
            HubProcess hub = new HubProcess(process, port, log);
            HubHttp http = hub.http();
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !process.isAlive() || answers(http));
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub process exited at start-up; see " + log);
            }
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean answers(HubHttp http) {
        try {
            return http.get("/observe/health").statusCode() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    public HubHttp http() {
        return new HubHttp("http://127.0.0.1:" + port);
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the process has written so far, for assertion messages. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no graceful stop, connections just drop. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
