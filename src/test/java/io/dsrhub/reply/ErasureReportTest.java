package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.connector.TaskReport;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.task.TaskJson;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An erasure (with an objection the privacy team handles) at iSocket: the customer row is erased, the orders are kept
 * under the ten-year bookkeeping rule. The reply lists per system what was erased, what was kept with its legal
 * basis and purge date, which backup still holds a copy and until when, which processor was told and what it
 * answered, what the privacy team did about the objection, and (as data was kept) the right to complain to a
 * supervisory authority and to a court. The processor and backup tasks are written into the ledger as the notice
 * and backup connectors report them (TaskReport, docs/processors.md section 6).
 */
class ErasureReportTest {

    @RegisterExtension
    static final ReplyHub hub = ReplyHub.on(TestDatabase.Kind.POSTGRESQL, "isocket", """
                        request-types:
                          erasure: {action: erase, categories: [user]}
                          objection: {action: manual}
                        retention:
                          - {rule: bookkeeping, categories: [user.orders, user.financial]}
                          - {rule: contract-performance, categories: [user.contract]}
                        """);

    @Test
    void theReportListsErasedRetainedBackupsAndProcessors() throws Exception {
        String id = hub.requests().submitVerified("""
                {"controller": "isocket", "types": ["erasure", "objection"], "language": "en",
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        hub.requests().awaitStatus(id, RequestStatus.AWAITING_MANUAL);
        assertThat(hub.requests().task(id, "web-shop", "erase").status()).isEqualTo(TaskStatus.RETAINED);
        seedTask(id, "paypal", "notify", TaskJson.write(new TaskReport("paypal", "notice", "notify",
                List.of("user.financial"), List.of(), List.of(), null, List.of(), "answered", null,
                new TaskReport.ProcessorReport("PayPal", "notice", List.of(), "DSR-REF", "answered", null, null,
                        new TaskReport.NoticeReport("privacy@paypal.example", List.of("order-number"),
                                Instant.parse("2026-03-01T10:00:00Z"), 0, null,
                                Instant.parse("2026-03-03T10:00:00Z"), "customer record deleted")),
                null)));
        seedTask(id, "nightly-backup", "erase", TaskJson.write(new TaskReport("nightly-backup", "backup",
                "erase", List.of("user"), List.of(), List.of(), null, List.of(), null, null, null,
                new TaskReport.BackupReport(List.of(new TaskReport.BackupSetReport("daily", "P35D", null, 1,
                        List.of(), LocalDate.parse("2026-04-30"))), LocalDate.parse("2026-04-30"), 1L, "web-shop"))));

        TaskRecord manual = hub.requests().task(id, "privacy-team", "manual");
        assertThat(hub.http().postJson("/api/v1/admin/tasks/" + manual.id() + "/complete",
                "{\"outcome\": \"done\", \"note\": \"marketing profile switched off\"}",
                "Authorization", "Bearer " + HubInstance.ADMIN_TOKEN, "X-Operator", "Ana").statusCode())
                .isEqualTo(200);
        hub.requests().awaitStatus(id, RequestStatus.COMPLETED);

        MimeMessage reply = ReplyMails.await(hub.mail(), "pat@example.com", "Your privacy request is complete");
        String body = ReplyMails.text(reply);
        assertThat(body).contains("WHAT WE ERASED\n  - Web shop: 1 records erased");
        assertThat(body).contains("WHAT WE MUST KEEP, AND WHY\n"
                + "  - Web shop: 2 records kept under the rule \"bookkeeping\" until 2034-12-31 (orders)\n"
                + "    Legal basis: Bookkeeping regulations (Finnish Accounting Act 1336/1997 ch. 2 s. 10)");
        assertThat(body).contains("BACKUPS\n  - nightly-backup: may still hold a copy until 2026-04-30 "
                + "(daily)");
        assertThat(body).contains("SERVICE PROVIDERS WE TOLD ABOUT YOUR REQUEST\n  - PayPal: customer record deleted");
        assertThat(body).contains("Handled by our privacy team:\n  - privacy-team (completed by operator:Ana: "
                + "marketing profile switched off)");
        assertThat(body).contains("you have the right to lodge a complaint with a data protection supervisory "
                + "authority").contains("seek a judicial remedy before a court")
                .contains("lodge a complaint or contact the data protection authority");
        assertThat(body).doesNotContain("pat@example.com").doesNotContain("Pat Example").doesNotContain("ORD-1001");

        try (Connection c = hub.shop().dataSource().getConnection(); Statement st = c.createStatement()) {
            ResultSet customers = st.executeQuery("SELECT COUNT(*) FROM customer WHERE id = 1");
            customers.next();
            assertThat(customers.getInt(1)).isZero();
            ResultSet orders = st.executeQuery("SELECT COUNT(*) FROM orders WHERE customer_id = 1");
            orders.next();
            assertThat(orders.getInt(1)).isEqualTo(2);
        }
    }

    /** A finished task as the processor and backup connectors of issue 7 record it. */
    private static void seedTask(String requestId, String system, String action, String result) {
        Timestamp now = Timestamp.from(Instant.now());
        hub.rows().jdbc().sql("INSERT INTO request_task (request_id, system_id, action, status, attempts, result, "
                        + "created_at, updated_at, stage, finished_at) VALUES (?, ?, ?, 'DONE', 1, ?, ?, ?, 1, ?)")
                .params(requestId, system, action, result, now, now, now).update();
    }
}
