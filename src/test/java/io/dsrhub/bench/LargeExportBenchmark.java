package io.dsrhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.FreePorts;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Benchmark (c): a 1 GiB export. A subject's 16 video objects of 64 MiB each lie in a bucket system; an access
 * request copies them into the hub's export bucket. The object store runs in a JVM of its own (objects on disk),
 * so the heap figures are the hub's: the peak of the heap pools while the export ran (garbage included) and the
 * highest heap in use sampled every 20 ms, against the 1 GiB moved. Run with
 * {@code mvn -Pbench test -Dtest=LargeExportBenchmark}.
 */
class LargeExportBenchmark {

    private static final int OBJECTS = 16;
    private static final long OBJECT_SIZE = 64L * 1024 * 1024;

    @Test
    void exportOfOneGibibyte() throws Exception {
        int port = FreePorts.next();
        Path storeDir = Files.createTempDirectory("dsr-bench-s3-");
        Process store = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), ObjectStoreServer.class.getName(), Integer.toString(port),
                storeDir.toString()).directory(storeDir.toFile()).redirectErrorStream(true)
                .redirectOutput(storeDir.resolve("store.log").toFile()).start();
        String endpoint = "http://127.0.0.1:" + port;
        try (TestDatabase ledger = TestDatabase.h2(); TestMailServer mail = new TestMailServer()) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    return true;
                }
            });
            try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.EU_CENTRAL_1)
                    .forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build()).build()) {
                s3.createBucket(b -> b.bucket("videos-big"));
                for (int i = 0; i < OBJECTS; i++) {
                    int seed = i;
                    s3.putObject(b -> b.bucket("videos-big").key("videos/ACC-BIG/clip-" + seed + ".mp4")
                                    .contentType("video/mp4"),
                            RequestBody.fromContentProvider(() -> new PatternStream(OBJECT_SIZE, seed), OBJECT_SIZE,
                                    "video/mp4"));
                }
            }
            TestFulfilment fulfilment = TestFulfilment.create()
                    .policy("ironzon", """
                            controller: ironzon
                            request-types:
                              access: {action: export, categories: [user]}
                            """)
                    .system("ironzon", "camera-cloud", """
                            id: camera-cloud
                            type: s3
                            regions:
                              - {id: frankfurt, region: eu-central-1, endpoint: "%s", bucket: videos-big,
                                 access-key: "{{env:BENCH_S3_KEY:bench}}", secret-key: "{{env:BENCH_S3_SECRET:bench}}"}
                            objects:
                              - {prefix: "videos/{account-id}/", categories: [user.content.video]}
                            """.formatted(endpoint));
            try (HubInstance hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                    .property("dsr.s3.endpoint", endpoint)
                    .property("dsr.s3.access-key", "bench")
                    .property("dsr.s3.secret-key", "bench")
                    .property("dsr.fulfilment.plan-delay", "50")
                    .property("dsr.tasks.poll-delay", "50")).start()) {
                TestRequests requests = new TestRequests(hub);
                String id = requests.submit("""
                        {"controller": "ironzon", "types": ["access"],
                         "identities": [{"type": "email", "value": "big@example.com"},
                                        {"type": "account-id", "value": "ACC-BIG"}]}""");
                List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP).toList();
                System.gc();
                long baseline = used(heap);
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                AtomicLong sampledPeak = new AtomicLong();
                AtomicBoolean sampling = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (sampling.get()) {
                        sampledPeak.accumulateAndGet(used(heap), Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.start();
                long start = System.nanoTime();
                requests.verify(id);
                requests.awaitStatus(id, Duration.ofMinutes(20), RequestStatus.COMPLETED,
                        RequestStatus.PARTIALLY_COMPLETED);
                double seconds = (System.nanoTime() - start) / 1e9;
                sampling.set(false);
                sampler.join();
                long poolPeak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

                TaskRecord task = requests.task(id, "camera-cloud", "export");
                JsonNode export = new ObjectMapper().readTree(task.result()).get("export");
                long bytes = export.get("bytes").asLong();
                double taskSeconds = Duration.between(task.startedAt(), task.finishedAt()).toMillis() / 1000.0;
                System.out.printf("BENCH export: %s, %d objects, %,d bytes (%.2f GiB) copied in %.1f s (task %.1f s) = "
                                + "%.0f MiB/s%n", task.status(), export.get("objects").size(), bytes,
                        bytes / 1024.0 / 1024 / 1024, seconds, taskSeconds, bytes / 1024.0 / 1024 / taskSeconds);
                System.out.printf("BENCH export heap: %d MiB in use before; highest sampled while exporting %d MiB; "
                                + "heap pools' peak (garbage included) %d MiB; max heap %d MiB; part size %d MiB%n",
                        baseline >> 20, sampledPeak.get() >> 20, poolPeak >> 20,
                        Runtime.getRuntime().maxMemory() >> 20, 8);
            }
        } finally {
            store.destroy();
            store.waitFor();
            try (var files = Files.walk(storeDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long used(List<MemoryPoolMXBean> heap) {
        return heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    /** A deterministic, endless-looking byte pattern of a given length (no memory held). */
    private static final class PatternStream extends InputStream {

        private long left;
        private int value;

        PatternStream(long length, int seed) {
            this.left = length;
            this.value = seed;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            value = (value * 31 + 7) & 0xff;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                value = (value * 31 + 7) & 0xff;
                buffer[offset + i] = (byte) value;
            }
            left -= n;
            return n;
        }
    }
}
