package io.dsrhub.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.builder.NotifyBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two hub instances on one PostgreSQL database run the escalation schedule together, every second, on small
 * batches: each request's reminder, escalation and breach record is noticed, audited and mailed exactly once.
 */
class ClusteredEscalationTest {

    private static final int REQUESTS = 40;
    private static final String TEAM = "team@hub.example";
    private static final String OFFICER = "dsr-address-not-in-policy@isocket.invalid";
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2025-06-02T09:00:00Z"));

    private static TestDatabase database;
    private static TestMailServer mail;
    private static HubInstance first;
    private static HubInstance second;
    private static LedgerRows rows;

    @BeforeAll
    static void start() {
        database = TestDatabase.postgresql();
        mail = new TestMailServer();
        first = node();
        second = node();
        rows = new LedgerRows(database.dataSource());
    }

    private static HubInstance node() {
        return HubInstance.builder().database(database).mail(mail).bean("clock", CLOCK)
                .property("dsr.deadline.schedule", "0/1 * * * * ?")
                .property("dsr.deadline.batch-size", "3")
                .property("dsr.deadline.reminder-to", TEAM)
                .start();
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        mail.close();
        database.close();
    }

    @Test
    void eachNoticeIsSentOnceByTwoInstancesRunningTheScheduleTogether() throws Exception {
        List<String> references = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HubInstance via = i % 2 == 0 ? first : second;
            var response = via.http().postJson("/api/v1/requests", """
                    {"controller": "isocket", "types": ["erasure"], "country": "FI",
                     "identities": [{"type": "email", "value": "subject%d@example.fi"}]}""".formatted(i));
            assertThat(response.statusCode()).isEqualTo(201);
            references.add(new ObjectMapper().readTree(response.body()).get("reference").asText());
        }
        Instant dueAt = Instant.parse("2025-07-02T20:59:59.999999Z");

        CLOCK.set(dueAt.minus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        settle("REMINDER");
        CLOCK.set(dueAt.minus(Duration.ofDays(2)).plus(Duration.ofHours(1)));
        settle("ESCALATION");
        CLOCK.set(dueAt.plus(Duration.ofHours(1)));
        settle("BREACH");

        for (String stage : List.of("REMINDER", "ESCALATION", "BREACH")) {
            assertThat(rows.rows("SELECT request_id, COUNT(*) AS n FROM deadline_notice WHERE stage = ? "
                    + "GROUP BY request_id", stage)).hasSize(REQUESTS)
                    .allSatisfy(r -> assertThat(((Number) r.get("n")).intValue()).isEqualTo(1));
        }
        for (String action : List.of("DEADLINE_REMINDER", "DEADLINE_ESCALATION", "DEADLINE_BREACHED")) {
            assertThat(rows.rows("SELECT request_id FROM audit_event WHERE action = ?", action)).as(action)
                    .hasSize(REQUESTS);
        }
        // every reference is listed in exactly one reminder mail, one escalation mail and one breach mail
        assertThat(referenceCounts(mail.messagesTo(TEAM))).hasSize(REQUESTS).containsOnlyKeys(references)
                .allSatisfy((reference, count) -> assertThat(count).isEqualTo(1));
        List<MimeMessage> officer = mail.messagesTo(OFFICER);
        assertThat(referenceCounts(officer.stream().filter(m -> subject(m).contains("Escalation")).toList()))
                .hasSize(REQUESTS).allSatisfy((reference, count) -> assertThat(count).isEqualTo(1));
        assertThat(referenceCounts(officer.stream().filter(m -> subject(m).contains("Deadline passed")).toList()))
                .hasSize(REQUESTS).allSatisfy((reference, count) -> assertThat(count).isEqualTo(1));
        // the instances' own counts add up to one notice per request and stage
        for (String stage : List.of("REMINDER", "ESCALATION", "BREACH")) {
            long byFirst = sentBy(first, stage);
            long bySecond = sentBy(second, stage);
            System.out.printf("%s notices sent: first instance %d, second instance %d%n", stage, byFirst, bySecond);
            assertThat(byFirst + bySecond).as(stage).isEqualTo(REQUESTS);
        }
    }

    /** Waits until every request has its notice of this stage and both instances have run two more passes. */
    private static void settle(String stage) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ((Number) rows.rows(
                "SELECT COUNT(*) AS n FROM deadline_notice WHERE stage = ?", stage).get(0).get("n")).intValue() == REQUESTS);
        for (HubInstance node : List.of(first, second)) {
            NotifyBuilder passes = new NotifyBuilder(node.context()).fromRoute("escalate-deadlines").whenCompleted(2)
                    .create();
            assertThat(passes.matches(20, TimeUnit.SECONDS)).isTrue();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) rows.rows(
                "SELECT COUNT(*) AS n FROM outbound_message WHERE status <> 'SENT'").get(0).get("n")).intValue() == 0);
    }

    private static long sentBy(HubInstance node, String stage) {
        String metric = "dsr_deadline_notices_total{stage=\"" + stage + "\",track=\"RESPONSE\"} ";
        return node.http().get("/observe/metrics").body().lines().filter(l -> l.startsWith(metric))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(metric.length()).trim())).sum();
    }

    private static Map<String, Long> referenceCounts(List<MimeMessage> messages) {
        return messages.stream().flatMap(m -> {
            try {
                return ((String) m.getContent()).lines().filter(l -> l.startsWith("DSR-"))
                        .map(l -> l.substring(0, "DSR-XXXX-XXXX".length()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
