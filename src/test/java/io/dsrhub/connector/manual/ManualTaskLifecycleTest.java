package io.dsrhub.connector.manual;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import io.dsrhub.storage.HubBuckets;
import io.dsrhub.testing.HubInstance;
import io.dsrhub.testing.LedgerRows;
import io.dsrhub.testing.MutableClock;
import io.dsrhub.testing.TestDatabase;
import io.dsrhub.testing.TestFulfilment;
import io.dsrhub.testing.TestMailServer;
import io.dsrhub.testing.TestRequests;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A system with no connector: its task goes to the owner with the instructions and a due date, the owner is
 * reminded a day before, the privacy officer is told when it is late, and the owner's result ("erased", a note and
 * an attachment) recorded through the operator API completes the task and the request.
 */
class ManualTaskLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Bearer " + HubInstance.ADMIN_TOKEN;
    private static final String OWNER = "crm-owner@ironzon.example";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private static TestDatabase ledger;
    private static TestMailServer mail;
    private static HubInstance hub;
    private static TestRequests requests;

    @BeforeAll
    static void start() {
        TestFulfilment fulfilment = TestFulfilment.create()
                .policy("ironzon", """
                        controller: ironzon
                        request-types:
                          erasure: {action: erase, categories: [user]}
                        """)
                .system("ironzon", "legacy-crm", """
                        id: legacy-crm
                        type: manual
                        name: Legacy CRM (no API)
                        owner: %s
                        instructions: |
                          Search the CRM by e-mail under Customers > Find; delete the contact and its notes.
                        due-in: P5D
                        remind-before: P1D
                        categories: [user.contact]
                        """.formatted(OWNER));
        ledger = TestDatabase.postgresql();
        mail = new TestMailServer();
        hub = fulfilment.applyTo(HubInstance.builder().database(ledger).mail(mail).bean("clock", CLOCK)
                .property("dsr.manual.poll-delay", "100")
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
        ledger.close();
    }

    @Test
    void theOwnerIsToldRemindedAndEscalatedThenCompletesTheTaskWithAnAttachment() throws Exception {
        String id = requests.submitVerified("""
                {"controller": "ironzon", "types": ["erasure"],
                 "identities": [{"type": "email", "value": "pat@example.com"}]}""");
        requests.awaitStatus(id, RequestStatus.AWAITING_MANUAL);
        TaskRecord task = requests.task(id, "legacy-crm", "erase");
        assertThat(task.status()).isEqualTo(TaskStatus.MANUAL_PENDING);
        String reference = requests.request(id).reference();

        MimeMessage assigned = mail.awaitMessagesTo(OWNER, 1).get(0);
        String body = assigned.getContent().toString();
        assertThat(assigned.getSubject()).contains(reference).contains("erase on legacy-crm").contains("2026-03-07");
        assertThat(body).contains("Customers > Find").contains("/api/v1/admin/tasks/" + task.id() + "/complete")
                .doesNotContain("pat@example.com");

        Controller ironzon = hub.bean(ControllerCatalogue.class).require("ironzon");
        String officer = ironzon.contact().privacyOfficer() != null ? ironzon.contact().privacyOfficer()
                : ironzon.contact().email();
        CLOCK.advance(Duration.ofDays(3).plusHours(23));
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> mail.messagesTo(OWNER).size() == 1);
        CLOCK.advance(Duration.ofHours(1));
        MimeMessage reminder = mail.awaitMessagesTo(OWNER, 2).get(1);
        assertThat(reminder.getSubject()).startsWith("[" + reference + "] Reminder");
        assertThat(mail.messagesTo(officer).stream().filter(m -> subject(m).contains("is late"))).isEmpty();

        CLOCK.advance(Duration.ofDays(1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mail.messagesTo(officer).stream()
                .anyMatch(m -> subject(m).contains("Manual task is late")));
        assertThat(mail.messagesTo(OWNER)).hasSize(2);

        assertThat(complete(task.id(), """
                {"outcome": "erased", "attachment": {"name": "../x", "content": "aGk="}}""").body())
                .contains("attachment.name");
        String screenshot = Base64.getEncoder().encodeToString("contact 4711 deleted".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> completed = complete(task.id(), """
                {"outcome": "erased", "note": "contact and 3 notes deleted",
                 "attachment": {"name": "crm-log.txt", "contentType": "text/plain", "content": "%s"}}"""
                .formatted(screenshot));
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(completed.body()).contains("\"status\":\"DONE\"").contains("\"requestStatus\":\"COMPLETED\"");
        JsonNode result = JSON.readTree(requests.task(id, "legacy-crm", "erase").result());
        assertThat(result.get("note").asText()).isEqualTo("completed by operator:Ana (erased): contact and 3 notes "
                + "deleted");
        JsonNode object = result.at("/export/objects/0");
        byte[] kept = hub.bean(HubBuckets.class).client().getObjectAsBytes(b -> b
                .bucket(result.at("/export/bucket").asText()).key(object.get("key").asText())).asByteArray();
        assertThat(new String(kept, StandardCharsets.UTF_8)).isEqualTo("contact 4711 deleted");
        assertThat(new LedgerRows(ledger.dataSource()).rows("SELECT action FROM audit_event WHERE request_id = ? "
                + "AND (action LIKE 'MANUAL_TASK_%' OR action = 'TASK_COMPLETED_BY_OPERATOR') ORDER BY seq", id))
                .extracting(r -> r.get("action")).containsExactly("MANUAL_TASK_ASSIGNED", "MANUAL_TASK_REMINDED",
                        "MANUAL_TASK_LATE", "TASK_COMPLETED_BY_OPERATOR");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> complete(long task, String body) {
        return hub.http().postJson("/api/v1/admin/tasks/" + task + "/complete", body, "Authorization", BEARER,
                "X-Operator", "Ana");
    }
}
