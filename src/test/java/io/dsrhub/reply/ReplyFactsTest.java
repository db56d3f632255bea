package io.dsrhub.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.TaskStatus;
import io.dsrhub.ledger.TaskRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Task results are read generically: database and bucket counts add up per system, retention terms keep their basis
 * and date, results of other kinds of connectors (processor notices, backups) are recognised by their kind or action
 * whatever other fields they carry, dead tasks are listed as not completed, purges are left out, and a result that
 * is not JSON does not stop the reply.
 */
class ReplyFactsTest {

    @Test
    void resultsOfEveryKindAreReadWithUnknownFieldsIgnored() {
        ReplyFacts facts = ReplyFacts.of(List.of(
                task(1, "shop", "erase", TaskStatus.RETAINED, """
                        {"system": "shop", "kind": "jdbc", "action": "erase", "futureField": {"x": 1},
                         "tables": [{"table": "customer", "found": 1, "erased": 1},
                                    {"table": "orders", "found": 2, "retained": 2}],
                         "retained": [{"rule": "bookkeeping", "basis": "Accounting Act", "purgeOn": "2034-12-31",
                                       "tables": ["orders"], "rows": 2}]}"""),
                task(2, "videos", "erase", TaskStatus.DONE, """
                        {"system": "videos", "kind": "s3", "regions": [
                          {"region": "eu", "objects": 2, "erased": 2}, {"region": "us", "objects": 1, "erased": 1}]}"""),
                task(3, "stripe", "erase", TaskStatus.DONE, """
                        {"system": "stripe", "kind": "stripe", "processor": "Stripe", "response": "deleted",
                         "customerIds": ["cus_1"]}"""),
                task(4, "paytrail", "notify", TaskStatus.DONE, """
                        {"system": "paytrail", "kind": "notice", "note": "notice sent to privacy@paytrail"}"""),
                task(5, "tapes", "erase", TaskStatus.DONE, """
                        {"system": "tapes", "kind": "backup", "lastCopyExpiresOn": "2026-06-30", "sets": 4}"""),
                task(6, "crm", "erase", TaskStatus.DEAD, null),
                task(7, "shop", "purge", TaskStatus.PENDING, "{\"system\": \"shop\"}"),
                task(8, "legacy", "export", TaskStatus.DONE, "not json at all")));

        assertThat(facts.systems()).extracting(s -> s.system() + ":" + s.action() + ":" + s.erased() + ":"
                + s.retained() + ":" + s.objects())
                .containsExactly("shop:erase:1:2:0", "videos:erase:3:0:3", "legacy:export:0:0:0");
        assertThat(facts.retained()).singleElement().satisfies(r -> {
            assertThat(r.system()).isEqualTo("shop");
            assertThat(r.basis()).isEqualTo("Accounting Act");
            assertThat(r.purgeOn()).isEqualTo("2034-12-31");
            assertThat(r.where()).containsExactly("orders");
        });
        assertThat(facts.processors()).extracting(p -> p.processor() + "=" + p.answer())
                .containsExactly("Stripe=deleted", "paytrail=notice sent to privacy@paytrail");
        assertThat(facts.backups()).extracting(b -> b.system() + " until " + b.until())
                .containsExactly("tapes until 2026-06-30");
        assertThat(facts.failed()).extracting(f -> f.system() + ":" + f.action()).containsExactly("crm:erase");
    }

    @Test
    void processorAndBackupConnectorResultsAreReadFromTheirReports() {
        ReplyFacts facts = ReplyFacts.of(List.of(
                task(1, "stripe", "erase", TaskStatus.DONE, """
                        {"system": "stripe", "kind": "http", "action": "erase",
                         "processor": {"processor": "Stripe", "protocol": "http", "status": "done",
                           "records": [{"kind": "customer", "found": 1, "erased": 1, "ids": ["cus_1"]}]}}"""),
                task(2, "paypal", "erase", TaskStatus.DONE, """
                        {"system": "paypal", "kind": "notice", "action": "erase",
                         "processor": {"processor": "PayPal", "protocol": "notice", "status": "answered",
                           "notice": {"contact": "privacy@paypal.example", "answer": "We removed the account."}}}"""),
                task(3, "analytics", "erase", TaskStatus.DONE, """
                        {"system": "analytics", "kind": "opendsr", "action": "erase",
                         "processor": {"processor": "Analytics Co", "protocol": "opendsr", "status": "completed"}}"""),
                task(4, "shop-backups", "erase", TaskStatus.DONE, """
                        {"system": "shop-backups", "kind": "backup", "action": "erase",
                         "backup": {"sets": [{"set": "daily", "retention": "P35D", "agesOutOn": "2027-01-01"},
                                             {"set": "yearly", "retention": "P3Y", "agesOutOn": "2029-11-23"}],
                                    "agesOutOn": "2029-11-23", "suppressionId": 17}}""")));

        assertThat(facts.processors()).extracting(p -> p.processor() + "=" + p.answer())
                .containsExactly("Stripe=1 customer erased", "PayPal=We removed the account.",
                        "Analytics Co=completed");
        assertThat(facts.backups()).extracting(b -> b.system() + " until " + b.until() + " (" + b.note() + ")")
                .containsExactly("shop-backups until 2029-11-23 (daily, yearly)");
        assertThat(facts.systems()).isEmpty();
    }

    private static TaskRecord task(long id, String system, String action, TaskStatus status, String result) {
        Instant now = Instant.parse("2026-03-03T10:00:00Z");
        return new TaskRecord(id, "r-1", system, action, status, 1, null, null, result, now, now, 1, null, null, null,
                now, now);
    }
}
