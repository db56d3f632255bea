package io.dsrhub.connector.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.embedded.EmbeddedObjectStore;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.FreePorts;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * An erasure puts the subject in the backup system's suppression ledger and reports which backups in the bucket may
 * hold the subject and when the last of them ages out. After a restore brings the subject's rows back into the live
 * PostgreSQL database, the operator's re-apply erases them again and leaves everyone else's rows alone.
 */
class BackupSuppressionReapplyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Bearer " + HubInstance.ADMIN_TOKEN;
    private static EmbeddedObjectStore store;
    private static S3Client s3;
    private static TestDatabase shop;
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() throws Exception {
        int port = FreePorts.next();
        store = new EmbeddedObjectStore(port, null);
        store.start();
        String endpoint = "http://127.0.0.1:" + port;
        s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.of("eu-north-1"))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build()).build();
        s3.createBucket(b -> b.bucket("shop-backups"));
        s3.putObject(b -> b.bucket("shop-backups").key("daily/shop-1.dump"), RequestBody.fromString("one"));
        s3.putObject(b -> b.bucket("shop-backups").key("daily/shop-2.dump"), RequestBody.fromString("two"));
        s3.putObject(b -> b.bucket("shop-backups").key("weekly/shop-w1.dump"), RequestBody.fromString("w"));

        shop = TestDatabase.postgresql();
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(200), name VARCHAR(100))");
            st.execute("INSERT INTO customer VALUES (1, 'sam@example.com', 'Sam'), (2, 'kim@example.com', 'Kim')");
        }
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          erasure: {action: erase, categories: [user]}
                        """)
                .system("ironzon", "shop-db", """
                        id: shop-db
                        type: jdbc
                        connection: {url: "%s", username: "%s", password: ""}
                        tables:
                          - name: customer
                            primary-key: [id]
                            erase: delete-row
                            columns:
                              - {name: email, identity: email, categories: [user.contact.email]}
                              - {name: name, categories: [user.name]}
                        """.formatted(shop.url(), shop.username()))
                .system("ironzon", "shop-backups", """
                        id: shop-backups
                        type: backup
                        restores-into: shop-db
                        categories: [user.contact, user.name]
                        sets:
                          - id: daily
                            every: P1D
                            retention: P35D
                            bucket: {endpoint: "%s", region: eu-north-1, bucket: shop-backups, prefix: "daily/",
                                     access-key: "{{env:TEST_S3_KEY:test}}", secret-key: "{{env:TEST_S3_SECRET:test}}"}
                          - {id: yearly, every: P1Y, retention: P3Y}
                        """.formatted(endpoint));
        ledger = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                .property("dsr.backup.forget-delay", "200")
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.tasks.poll-delay", "100")).start();
        requests = new TestRequests(hub);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        mail.close();
        shop.close();
        ledger.close();
        s3.close();
        store.stop();
    }

    @Test
    void theErasureIsReportedWithItsBackupsAndARestoreIsErasedAgain() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "sam@example.com"}]}""");
        requests.awaitStatus(id, RequestStatus.COMPLETED);
        LedgerRows rows = new LedgerRows(shop.dataSource());
        assertThat(rows.rows("SELECT id FROM customer ORDER BY id")).extracting(r -> r.get("id")).containsExactly(2);

        TaskRecord task = requests.task(id, "shop-backups", "erase");
        assertThat(task.status()).isEqualTo(TaskStatus.DONE);
        JsonNode backup = JSON.readTree(task.result()).get("backup");
        JsonNode daily = backup.at("/sets/0");
        assertThat(daily.get("set").asText()).isEqualTo("daily");
        assertThat(daily.get("bucket").asText()).isEqualTo("shop-backups");
        assertThat(daily.get("backups").asInt()).isEqualTo(2);
        assertThat(daily.get("keys")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("daily/shop-1.dump", "daily/shop-2.dump");
        LocalDate lastDaily = LocalDate.ofInstant(s3.headObject(b -> b.bucket("shop-backups")
                .key("daily/shop-2.dump")).lastModified(), ZoneOffset.UTC);
        assertThat(LocalDate.parse(daily.get("agesOutOn").asText())).isEqualTo(lastDaily.plusDays(35));
        LocalDate today = LocalDate.now(ZoneId.of(hub.bean(io.dsrhub.controller.ControllerCatalogue.class)
                .require("ironzon").timeZone().getId()));
        JsonNode yearly = backup.at("/sets/1");
        assertThat(yearly.get("bucket")).isNull();
        assertThat(LocalDate.parse(yearly.get("agesOutOn").asText())).isEqualTo(today.plus(Period.ofYears(3)));
        assertThat(LocalDate.parse(backup.get("agesOutOn").asText())).isEqualTo(today.plus(Period.ofYears(3)));
        assertThat(backup.get("restoresInto").asText()).isEqualTo("shop-db");
        long entry = backup.get("suppressionId").asLong();
        assertThat(new LedgerRows(ledger.dataSource()).rows("SELECT request_id FROM backup_suppression WHERE id = ?",
                entry)).extracting(r -> r.get("request_id")).containsExactly(id);

        // a restore of last night's backup brings Sam back
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO customer VALUES (1, 'sam@example.com', 'Sam')");
        }
        assertThat(hub.http().postJson("/api/v1/admin/backups/shop-backups/reapply", "{}").statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/admin/backups/shop-db/reapply").statusCode()).isEqualTo(404);
        HttpResponse<String> reapplied = post("/api/v1/admin/backups/shop-backups/reapply");
        assertThat(reapplied.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(reapplied.body());
        assertThat(answer.get("entries").asInt()).isEqualTo(1);
        assertThat(answer.get("erased").asInt()).isEqualTo(1);
        assertThat(answer.at("/requests/0/request").asText()).isEqualTo(id);
        assertThat(rows.rows("SELECT id FROM customer ORDER BY id")).extracting(r -> r.get("id")).containsExactly(2);
        assertThat(new LedgerRows(ledger.dataSource()).rows("SELECT actor FROM audit_event WHERE request_id = ? "
                + "AND action = 'BACKUP_SUPPRESSION_REAPPLIED'", id)).extracting(r -> r.get("actor"))
                .containsExactly("operator:Ana");

        // once the last backup that may hold Sam has aged out, the entry (and Sam's identities) is forgotten
        LedgerRows ledgerRows = new LedgerRows(ledger.dataSource());
        ledgerRows.jdbc().sql("UPDATE backup_suppression SET ages_out_on = :d WHERE id = :id")
                .param("d", today.minusDays(3)).param("id", entry).update();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> ledgerRows.rows(
                "SELECT id FROM backup_suppression WHERE id = ?", entry).isEmpty());
        HttpResponse<String> nothingLeft = post("/api/v1/admin/backups/shop-backups/reapply");
        assertThat(JSON.readTree(nothingLeft.body()).get("entries").asInt()).isZero();
    }

    private static HttpResponse<String> post(String path) {
        return hub.http().postJson(path, "{}", "Authorization", BEARER, "X-Operator", "Ana");
    }
}
