package io.dsrhub.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.deadline.escalation.EscalationPass;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deadline gauges on /observe/metrics: open requests, due within the reminder lead, overdue, breach records. */
class DeadlineMetricsTest {

    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2025-06-02T09:00:00Z"));
    private static TestDatabase database;
    private static TestMailServer mail;
    private static HubInstance hub;

    @BeforeAll
    static void start() {
        database = TestDatabase.h2();
        mail = new TestMailServer();
        hub = HubInstance.builder().database(database).property("dsr.verification.challenge-new-requests", "false").mail(mail).bean("clock", CLOCK)
                .property("dsr.deadline.schedule", "0 0 0 1 1 ? 2099")
                .property("dsr.deadline.metrics-refresh-period", "200").start();
    }

    @AfterAll
    static void stop() {
        hub.close();
        mail.close();
        database.close();
    }

    private static void submit(String controller) {
        assertThat(hub.http().postJson("/api/v1/requests", """
                {"controller": "%s", "types": ["access"], "identities": [{"type": "email", "value": "m@example.com"}]}"""
                .formatted(controller)).statusCode()).isEqualTo(201);
    }

    @Test
    void openDueSoonOverdueAndBreachesAreCounted() {
        submit("isocket");    // one month: due 2 Jul 2025
        submit("ironzon");    // 7 business days (US calendar): due 11 Jun 2025
        submit("iid2secure"); // 15 working days (CN calendar, provisional from receipt): due 23 Jun 2025
        CLOCK.set(Instant.parse("2025-06-20T00:00:00Z"));
        hub.bean(EscalationPass.class).run();
        Awaitility.await().untilAsserted(() -> assertThat(hub.http().get("/observe/metrics").body())
                .contains("dsr_deadline_requests{state=\"open\"} 3.0")
                .contains("dsr_deadline_requests{state=\"due-soon\"} 1.0")
                .contains("dsr_deadline_requests{state=\"overdue\"} 1.0")
                .contains("dsr_deadline_breaches 1.0")
                .contains("dsr_deadline_notices_total{stage=\"BREACH\",track=\"RESPONSE\"} 1.0")
                .contains("dsr_deadline_notices_total{stage=\"REMINDER\",track=\"RESPONSE\"} 1.0"));
    }
}
