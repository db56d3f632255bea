package io.dsrhub.reply;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A large access package: one subject with {@code bench.rows} (default 500,000) order rows in PostgreSQL. Prints the export task's time, the time from settling to the queued reply (building the zip: data.json,
 * one CSV, summary), the package's size, the download time over HTTP, and the peak heap used by the whole test JVM
 * (hub included) while it ran, against the uncompressed size of what went into the zip. Asserts nothing about speed.
 * Run with {@code mvn -Pbench test -Dtest=DataPackageBenchmark} (heap -Xmx2g, from the bench profile).
 */
class DataPackageBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 500_000);

    @Test
    void aLargePackageIsBuiltAndDownloadedInBoundedMemory() throws Exception {
        try (TestDatabase shop = TestDatabase.postgresql(); TestDatabase ledger = TestDatabase.postgresql();
                TestMailServer mail = new TestMailServer()) {
            ReplyShop.load(shop);
            try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO orders SELECT 1000 + g, 1, 'ORD-' || g, g % 100000, DATE '2020-01-01' "
                        + "+ (g % 1500) FROM generate_series(1, " + ROWS + ") g");
            }
            HubInstance hub = ReplyShop.fulfilment(shop, "ironzon", """
                            request-types:
                              access: {action: export, categories: [user]}
                            """)
                    .applyTo(HubInstance.builder().database(ledger).mail(mail)
                            .property("dsr.outbox.poll-delay", "100")
                            .property("dsr.fulfilment.plan-delay", "100")
                            .property("dsr.fulfilment.announce-delay", "100")
                            .property("dsr.tasks.poll-delay", "100")).start();
            try (hub) {
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                System.gc();
                long baseline = memory.getHeapMemoryUsage().getUsed();
                AtomicLong peak = new AtomicLong(baseline);
                AtomicLong peakLive = new AtomicLong(0);
                AtomicBoolean running = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (running.get()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        long live = 0;
                        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                                live += pool.getCollectionUsage().getUsed();
                            }
                        }
                        peakLive.accumulateAndGet(live, Math::max);
                        try {
                            Thread.sleep(20);   // sampling interval of the heap probe, not synchronisation
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.setDaemon(true);
                sampler.start();

                TestRequests requests = new TestRequests(hub);
                String id = requests.submitVerified("""
                        {"controller": "ironzon", "types": ["access"],
                         "identities": [{"type": "email", "value": "pat@example.com"}]}""");
                requests.awaitStatus(id, Duration.ofMinutes(10), RequestStatus.COMPLETED);
                String body = ReplyMails.text(ReplyMails.await(mail, "pat@example.com", "complete"));
                LedgerRows rows = new LedgerRows(ledger.dataSource());
                Map<String, Object> export = rows.rows("SELECT started_at, finished_at, result FROM request_task "
                        + "WHERE request_id = ? AND action = 'export'", id).get(0);
                Timestamp settled = (Timestamp) rows.rows("SELECT settled_at FROM request_fulfilment WHERE "
                        + "request_id = ?", id).get(0).get("settled_at");
                Timestamp queued = (Timestamp) rows.rows("SELECT occurred_at FROM audit_event WHERE request_id = ? "
                        + "AND action = 'REPLY_QUEUED'", id).get(0).get("occurred_at");
                long packageBytes = ((Number) rows.rows("SELECT size_bytes FROM data_package WHERE request_id = ?", id)
                        .get(0).get("size_bytes")).longValue();
                String result = (String) export.get("result");
                long exportBytes = Long.parseLong(result.replaceAll(".*\"export\":\\{[^}]*?\"bytes\":(\\d+).*", "$1"));

                long downloadStart = System.nanoTime();
                HttpResponse<InputStream> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(ReplyMails.link(body))).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                long downloaded;
                try (InputStream in = download.body()) {
                    downloaded = in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                long downloadMillis = (System.nanoTime() - downloadStart) / 1_000_000;
                running.set(false);
                sampler.join();

                System.out.printf(Locale.ROOT, "%n=== DataPackageBenchmark: %,d rows ===%n", ROWS);
                System.out.printf(Locale.ROOT, "export task (database to export bucket): %,d ms, %,d bytes of JSON%n",
                        Duration.between(((Timestamp) export.get("started_at")).toInstant(),
                                ((Timestamp) export.get("finished_at")).toInstant()).toMillis(), exportBytes);
                System.out.printf(Locale.ROOT, "settled to reply queued (package built): %,d ms%n",
                        Duration.between(settled.toInstant(), queued.toInstant()).toMillis());
                System.out.printf(Locale.ROOT, "package: %,d bytes zipped (data.json ~%,d bytes + CSV + summary)%n",
                        packageBytes, exportBytes);
                System.out.printf(Locale.ROOT, "download over HTTP: %,d bytes in %,d ms (status %d)%n", downloaded,
                        downloadMillis, download.statusCode());
                System.out.printf(Locale.ROOT, "heap used: %,d MB before, %,d MB peak with garbage, %,d MB peak live "
                        + "after a collection (whole test JVM incl. the embedded S3 store; -Xmx %,d MB)%n",
                        baseline >> 20, peak.get() >> 20, peakLive.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            }
        }
    }
}
