package io.dsrhub.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A system that keeps failing (its table was dropped after start-up): the task is retried with growing waits,
 * then dies after its last attempt and is escalated to the controller's privacy officer, while the request's other
 * task completes; the request ends PARTIALLY_COMPLETED.
 */
class DeadTaskEscalationTest {

    private static TestDatabase ledger;
    private static TestDatabase shop;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;
    private static LedgerRows ledgerRows;

    @BeforeAll
    static void start() throws Exception {
        shop = TestDatabase.postgresql();
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE good (id INT PRIMARY KEY, email VARCHAR(100))");
            st.execute("CREATE TABLE doomed (id INT PRIMARY KEY, email VARCHAR(100))");
            st.execute("INSERT INTO good VALUES (1, 'pat@example.com')");
            st.execute("INSERT INTO doomed VALUES (1, 'pat@example.com')");
        }
        TestFulfilment fulfilment = TestFulfilment.create().policy("ironzon", """
                controller: ironzon
                request-types:
                  erasure: {action: erase, categories: [user]}
                """);
        for (String table : List.of("good", "doomed")) {
            fulfilment.system("ironzon", table + "-db", """
                    id: %s-db
                    type: jdbc
                    connection: {url: "%s", username: postgres, password: ""}
                    tables:
                      - name: %s
                        primary-key: [id]
                        erase: delete-row
                        columns:
                          - {name: email, identity: email, categories: [user.contact.email]}
                    """.formatted(table, shop.url(), table));
        }
        ledger = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail)
                .property("dsr.fulfilment.plan-delay", "100")
                .property("dsr.tasks.poll-delay", "100")
                .property("dsr.tasks.max-attempts", "3")
                .property("dsr.tasks.first-retry", "PT0.4S")
                .property("dsr.tasks.circuit-window", "20")).start();
        requests = new TestRequests(hub);
        ledgerRows = new LedgerRows(ledger.dataSource());
        try (Connection c = shop.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE doomed");
        }
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        mail.close();
        shop.close();
        ledger.close();
    }

    @Test
    void aTaskThatKeepsFailingDiesIsEscalatedAndDoesNotBlockTheOthers() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");

        assertThat(requests.awaitStatus(id, Duration.ofSeconds(30), RequestStatus.COMPLETED,
                RequestStatus.PARTIALLY_COMPLETED).status()).isEqualTo(RequestStatus.PARTIALLY_COMPLETED);

        assertThat(requests.task(id, "good-db", "erase").status()).isEqualTo(TaskStatus.DONE);
        TaskRecord dead = requests.task(id, "doomed-db", "erase");
        assertThat(dead.status()).isEqualTo(TaskStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).contains("doomed");

        List<Map<String, Object>> failures = ledgerRows.rows("SELECT occurred_at, detail FROM audit_event "
                + "WHERE request_id = ? AND action = 'TASK_FAILED' ORDER BY seq", id);
        assertThat(failures).hasSize(2);
        List<Instant> nextAttempts = failures.stream()
                .map(f -> Instant.parse(((String) f.get("detail")).replaceAll(".*next attempt at ", "")))
                .toList();
        List<Instant> failedAt = failures.stream()
                .map(f -> ((java.sql.Timestamp) f.get("occurred_at")).toInstant()).toList();
        // the wait doubles: 0.4 s after the first attempt, 0.8 s after the second (the audit line is written a few
        // milliseconds after the wait is computed)
        assertThat(Duration.between(failedAt.get(0), nextAttempts.get(0))).isBetween(Duration.ofMillis(300),
                Duration.ofMillis(400));
        assertThat(Duration.between(failedAt.get(1), nextAttempts.get(1))).isBetween(Duration.ofMillis(700),
                Duration.ofMillis(800));
        assertThat(ledgerRows.rows("SELECT detail FROM audit_event WHERE request_id = ? AND action = 'TASK_DEAD'", id))
                .singleElement().satisfies(r -> assertThat((String) r.get("detail")).contains("doomed-db")
                        .contains("gave up after 3 attempts"));

        MimeMessage escalation = mail.awaitMessagesTo("support@ironzon.com", 1).get(0);
        assertThat(escalation.getSubject()).contains("Task needs attention").contains("erase on doomed-db");
        String body = (String) escalation.getContent();
        assertThat(body).contains("/api/v1/admin/tasks/" + dead.id() + "/retry").doesNotContain("pat@example.com");
    }
}
