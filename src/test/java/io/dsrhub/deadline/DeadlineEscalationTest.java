package io.dsrhub.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scheduled escalation, end to end: the real hub on PostgreSQL with its cron route firing every second, a
 * clock the test moves through reminder, escalation and breach (one mail of each, never repeated), then an
 * operator's extension that sends the subject a notice in their language and moves the deadline the schedule
 * watches.
 */
class DeadlineEscalationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAM = "team@hub.example";
    private static final String OFFICER = "dsr-address-not-in-policy@isocket.invalid"; // isocket's privacy officer
    private static final String LEGAL = "legal@hub.example";

    private static TestDatabase database;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static LedgerRows rows;
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2025-06-02T09:00:00Z"));

    @BeforeAll
    static void start() {
        database = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = HubInstance.builder().database(database).mail(mail).bean("clock", CLOCK)
                .property("dsr.verification.challenge-new-requests", "false")
                .property("dsr.deadline.schedule", "0/1 * * * * ?")
                .property("dsr.deadline.reminder-to", TEAM)
                .property("dsr.deadline.breach-to", LEGAL)
                .start();
        rows = new LedgerRows(database.dataSource());
    }

    @AfterAll
    static void stop() {
        hub.close();
        mail.close();
        database.close();
    }

    private static JsonNode submit(String email) throws Exception {
        HttpResponse<String> response = hub.http().postJson("/api/v1/requests", """
                {"controller": "isocket", "types": ["access"], "country": "FI", "language": "fi",
                 "identities": [{"type": "email", "value": "%s"}]}""".formatted(email));
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** Waits until the schedule has run {@code passes} more times (so that a repeated notice would have shown). */
    private static void awaitPasses(int passes) {
        NotifyBuilder notify = new NotifyBuilder(hub.context()).fromRoute("escalate-deadlines")
                .whenCompleted(passes).create();
        assertThat(notify.matches(20, TimeUnit.SECONDS)).as("escalation passes").isTrue();
    }

    private static List<String> subjects(String address) {
        return mail.messagesTo(address).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void reminderThenEscalationThenBreachOneMailEachThenAnExtensionWithTheSubjectsNotice() throws Exception {
        JsonNode request = submit("aino@example.fi");
        String id = request.get("id").asText();
        String reference = request.get("reference").asText();
        Instant dueAt = Instant.parse(request.get("dueAt").asText());
        assertThat(dueAt).isEqualTo(Instant.parse("2025-07-02T20:59:59.999999Z"));
        mail.awaitMessagesTo("aino@example.fi", 1); // the acknowledgement

        CLOCK.set(dueAt.minus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        MimeMessage reminder = mail.awaitMessagesTo(TEAM, 1).get(0);
        assertThat(reminder.getSubject()).isEqualTo("[" + reference + "] Reminder: answer due within 7 days");
        assertThat((String) reminder.getContent()).contains(reference).contains("due 2025-07-02")
                .contains("/api/v1/admin/requests/" + id).doesNotContain("aino@example.fi");
        awaitPasses(2);
        assertThat(mail.messagesTo(TEAM)).hasSize(1);
        assertThat(mail.messagesTo(OFFICER)).isEmpty();

        CLOCK.set(dueAt.minus(Duration.ofDays(2)).plus(Duration.ofHours(1)));
        MimeMessage escalation = mail.awaitMessagesTo(OFFICER, 1).get(0);
        assertThat(escalation.getSubject()).isEqualTo("[" + reference + "] Escalation: answer due within 2 days");
        assertThat((String) escalation.getContent()).contains("privacy officer of iSocket Systems");
        awaitPasses(2);
        assertThat(mail.messagesTo(OFFICER)).hasSize(1);

        CLOCK.set(dueAt.plus(Duration.ofHours(1)));
        mail.awaitMessagesTo(LEGAL, 1);
        mail.awaitMessagesTo(OFFICER, 2);
        awaitPasses(2);
        assertThat(subjects(TEAM)).containsExactly("[" + reference + "] Reminder: answer due within 7 days");
        assertThat(subjects(OFFICER)).containsExactly("[" + reference + "] Escalation: answer due within 2 days",
                "[" + reference + "] Deadline passed: answer overdue");
        assertThat(subjects(LEGAL)).containsExactly("[" + reference + "] Deadline passed: answer overdue");

        assertThat(rows.rows("SELECT stage FROM deadline_notice WHERE request_id = ? ORDER BY noticed_at", id))
                .extracting(r -> r.get("stage")).containsExactly("REMINDER", "ESCALATION", "BREACH");
        assertThat(rows.rows("SELECT action FROM audit_event WHERE request_id = ? AND action LIKE 'DEADLINE_%' "
                + "ORDER BY seq", id)).extracting(r -> r.get("action"))
                .containsExactly("DEADLINE_REMINDER", "DEADLINE_ESCALATION", "DEADLINE_BREACHED");
        assertThat(hub.bean(AuditTrail.class).firstBrokenLink(id)).isZero();
        JsonNode detail = JSON.readTree(hub.http().admin("/api/v1/admin/requests/" + id).body());
        assertThat(detail.get("clock").get("regime").get("id").asText()).isEqualTo("eu-gdpr");
        assertThat(detail.get("clock").get("notices")).extracting(n -> n.get("stage").asText())
                .containsExactly("REMINDER", "ESCALATION", "BREACH");
        assertThat(detail.get("daysLeft").asLong()).isEqualTo(-1);

        // a second request, extended by an operator before its deadline: the subject is told, in Finnish
        JsonNode second = submit("mikko@example.fi");
        String secondId = second.get("id").asText();
        mail.awaitMessagesTo("mikko@example.fi", 1);
        HttpResponse<String> extension = hub.http().postJson("/api/v1/admin/requests/" + secondId + "/extension",
                """
                {"reason": "Tietosi ovat kolmessa järjestelmässä, joista yksi on arkistossa."}""",
                "Authorization", "Bearer " + HubInstance.ADMIN_TOKEN);
        assertThat(extension.statusCode()).isEqualTo(201);
        JsonNode extended = JSON.readTree(extension.body());
        assertThat(extended.get("dueDates")).anySatisfy(date -> {
            assertThat(date.get("kind").asText()).isEqualTo("EXTENDED");
            assertThat(date.get("dueOn").asText()).isEqualTo("2025-10-03");
            assertThat(date.get("inForce").asBoolean()).isTrue();
        });
        MimeMessage notice = mail.awaitMessagesTo("mikko@example.fi", 2).get(1);
        DateTimeFormatter finnish = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag("fi"));
        assertThat(notice.getSubject()).isEqualTo("[" + second.get("reference").asText()
                + "] Tarvitsemme lisäaikaa tietosuojapyyntösi käsittelyyn");
        assertThat((String) notice.getContent()).contains("Tietosi ovat kolmessa järjestelmässä")
                .contains(LocalDate.parse("2025-10-03").format(finnish))
                .contains(LocalDate.parse("2025-08-03").format(finnish)); // the promise, the earliest date
        assertThat(notice.getHeader("In-Reply-To")).isNotNull();

        String token = second.get("statusToken").asText();
        JsonNode status = JSON.readTree(hub.http().get("/api/v1/requests/" + secondId + "?token=" + token).body());
        assertThat(status.get("dueAt").asText()).isEqualTo("2025-10-03T20:59:59.999999Z");
        assertThat(status.get("daysLeft").asLong()).isEqualTo(92);

        // the schedule now watches the extended date
        CLOCK.set(Instant.parse("2025-10-03T20:59:59Z").minus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        MimeMessage secondReminder = mail.awaitMessagesTo(TEAM, 2).get(1);
        assertThat(secondReminder.getSubject()).startsWith("[" + second.get("reference").asText() + "] Reminder");
        assertThat((String) secondReminder.getContent()).contains("EXTENDED");
    }
}
