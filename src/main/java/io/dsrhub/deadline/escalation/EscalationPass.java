package io.dsrhub.deadline.escalation;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.deadline.ClockStore;
import io.dsrhub.deadline.DeadlineEngine;
import io.dsrhub.deadline.DueDateKind;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.Timestamps;
import io.dsrhub.outbox.Outbox;
import io.dsrhub.reply.Acknowledgements;
import io.dsrhub.reply.RenderedMail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * One pass of the escalation schedule. For each open request it finds the deadlines that have come close or
 * passed and sends each notice once: a reminder at the reminder lead, an escalation to the privacy officer at the
 * escalation lead, a breach record once the deadline has passed. Deadlines are the effective answer deadline
 * ({@code subject_request.due_at}) and, until an acknowledgement has been sent, the acknowledgement deadline.
 *
 * <p>A request is in one stage's window at a time (the breach window is "passed", the escalation window "within
 * the escalation lead", the reminder window "within the reminder lead but not the escalation lead"), so a request
 * found late gets the notice that fits, not a burst of all three.
 *
 * <p>Exactly once, on any number of hub instances running the same schedule: candidates are claimed with
 * {@code FOR UPDATE SKIP LOCKED} (two instances never work on the same request at once) and each notice is keyed
 * by (request, track, stage, deadline) in {@code deadline_notice}, inserted with {@code ON CONFLICT DO NOTHING} in
 * the same transaction as its mail (outbox), its webhook dispatch and its audit event. A crash rolls all of them
 * back together; the next pass does the work again. A deadline that moves (an extension) gets its own notices.
 */
public final class EscalationPass {

    private static final Logger LOG = LoggerFactory.getLogger(EscalationPass.class);
    private static final Instant LONG_AGO = Instant.parse("1970-01-01T00:00:00Z");
    private static final EscalationStage[] MOST_URGENT_FIRST = {
        EscalationStage.BREACH, EscalationStage.ESCALATION, EscalationStage.REMINDER};

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final LedgerTransactions tx;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final ControllerCatalogue controllers;
    private final DeadlineEngine engine;
    private final ClockStore clockStore;
    private final DeadlineDigests digests;
    private final DeadlineSettings settings;
    private final Clock clock;
    private final Map<String, Counter> sent = new HashMap<>();

    /** @param registry where {@code dsr_deadline_notices_total{track,stage}} counts the notices this instance sent */
    public EscalationPass(DataSource dataSource, JdbcClient jdbc, LedgerTransactions tx, AuditTrail audit, Outbox outbox,
            ControllerCatalogue controllers, DeadlineEngine engine, ClockStore clockStore, DeadlineDigests digests,
            DeadlineSettings settings, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.batch = new NamedParameterJdbcTemplate(dataSource);
        this.tx = tx;
        this.audit = audit;
        this.outbox = outbox;
        this.controllers = controllers;
        this.engine = engine;
        this.clockStore = clockStore;
        this.digests = digests;
        this.settings = settings;
        this.clock = clock;
        for (DeadlineTrack track : DeadlineTrack.values()) {
            for (EscalationStage stage : EscalationStage.values()) {
                sent.put(track.name() + stage.name(), Counter.builder("dsr.deadline.notices")
                        .tag("track", track.name()).tag("stage", stage.name())
                        .description("deadline notices this hub instance sent").register(registry));
            }
        }
    }

    /** What one pass did. */
    public record Report(Map<DeadlineTrack, Map<EscalationStage, Integer>> notices, int pausedClocks, long millis) {

        public int total() {
            return notices.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        }

        public int count(DeadlineTrack track, EscalationStage stage) {
            return notices.getOrDefault(track, Map.of()).getOrDefault(stage, 0);
        }
    }

    public Report run() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        int paused = rollPausedClocks();
        Map<DeadlineTrack, Map<EscalationStage, Integer>> counts = new EnumMap<>(DeadlineTrack.class);
        for (DeadlineTrack track : DeadlineTrack.values()) {
            Map<EscalationStage, Integer> byStage = new EnumMap<>(EscalationStage.class);
            for (EscalationStage stage : MOST_URGENT_FIRST) {
                byStage.put(stage, noticeAll(track, stage, now));
            }
            counts.put(track, byStage);
        }
        Report report = new Report(counts, paused, (System.nanoTime() - started) / 1_000_000);
        int breaches = report.count(DeadlineTrack.RESPONSE, EscalationStage.BREACH)
                + report.count(DeadlineTrack.ACKNOWLEDGEMENT, EscalationStage.BREACH);
        if (breaches > 0) {
            LOG.warn("deadline pass: {} new breach record(s); {} notices in all ({}) in {} ms", breaches,
                    report.total(), counts, report.millis());
        } else if (report.total() > 0) {
            LOG.info("deadline pass: {} notices ({}) in {} ms", report.total(), counts, report.millis());
        }
        return report;
    }

    /** The dates of a paused clock move with each day the pause lasts; bring them up to today. */
    private int rollPausedClocks() {
        List<String> paused = clockStore.pausedRequests();
        for (String requestId : paused) {
            engine.recompute(requestId);
        }
        return paused.size();
    }

    private int noticeAll(DeadlineTrack track, EscalationStage stage, Instant now) {
        Instant low = switch (stage) {
            case BREACH -> LONG_AGO;
            case ESCALATION -> now;
            case REMINDER -> now.plus(settings.escalationLead());
        };
        Instant high = now.plus(settings.leadOf(stage));
        if (!high.isAfter(low)) {
            return 0;
        }
        int noticed = 0;
        while (true) {
            int[] done = tx.inTransaction(() -> noticeBatch(track, stage, low, high, now));
            noticed += done[1];
            sent.get(track.name() + stage.name()).increment(done[1]);
            if (done[0] < settings.batchSize() || done[1] == 0) {
                return noticed;
            }
        }
    }

    /** @return {claimed, noticed} */
    private int[] noticeBatch(DeadlineTrack track, EscalationStage stage, Instant low, Instant high, Instant now) {
        List<Candidate> claimed = claim(track, stage, low, high);
        if (claimed.isEmpty()) {
            return new int[] {0, 0};
        }
        OffsetDateTime noticedAt = Timestamps.toDb(now);
        SqlParameterSource[] rows = claimed.stream().map(c -> new MapSqlParameterSource()
                .addValue("id", c.id()).addValue("track", track.name()).addValue("stage", stage.name())
                .addValue("due", Timestamps.toDb(c.dueAt())).addValue("at", noticedAt))
                .toArray(SqlParameterSource[]::new);
        int[] inserted = batch.batchUpdate("INSERT INTO deadline_notice (request_id, track, stage, due_at, "
                + "noticed_at) VALUES (:id, :track, :stage, :due, :at) ON CONFLICT DO NOTHING", rows);
        List<Candidate> won = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            if (inserted[i] == 1) {
                won.add(claimed.get(i));
            }
        }
        mark(track, stage, claimed);
        if (won.isEmpty()) {
            return new int[] {claimed.size(), 0};
        }
        Map<String, List<NoticeEntry>> byController = entries(won, track, now);
        for (Map.Entry<String, List<NoticeEntry>> group : byController.entrySet()) {
            dispatch(controllers.require(group.getKey()), track, stage, group.getValue(), now);
        }
        return new int[] {claimed.size(), won.size()};
    }

    /** Records on the claimed rows (whose locks this transaction holds) the stage now noticed. */
    private void mark(DeadlineTrack track, EscalationStage stage, List<Candidate> claimed) {
        List<String> ids = claimed.stream().map(Candidate::id).toList();
        if (track == DeadlineTrack.RESPONSE) {
            jdbc.sql("UPDATE subject_request SET deadline_notice_stage = :stage, deadline_notice_due_at = due_at "
                            + "WHERE id IN (:ids)")
                    .param("stage", stage.name()).param("ids", ids).update();
        } else {
            jdbc.sql("UPDATE request_due_date SET notice_stage = :stage WHERE request_id IN (:ids) AND kind = :kind")
                    .param("stage", stage.name()).param("ids", ids).param("kind", DueDateKind.ACKNOWLEDGEMENT.name())
                    .update();
        }
    }

    private List<Candidate> claim(DeadlineTrack track, EscalationStage stage, Instant low, Instant high) {
        // the marker columns (the last stage noticed, for which deadline) keep this a range scan of the deadline
        // index; the deadline_notice key, not the markers, is what makes a notice happen once
        String sql = track == DeadlineTrack.RESPONSE
                ? "SELECT r.id, r.controller_id, r.due_at FROM subject_request r "
                        + "WHERE r.status IN (:open) AND r.due_at > :low AND r.due_at <= :high "
                        + "AND (r.deadline_notice_stage IS NULL OR r.deadline_notice_stage <> :stage "
                        + "OR r.deadline_notice_due_at <> r.due_at) "
                        + "ORDER BY r.due_at, r.id LIMIT :limit FOR UPDATE SKIP LOCKED"
                : "SELECT r.id, r.controller_id, d.due_at FROM subject_request r "
                        + "JOIN request_due_date d ON d.request_id = r.id AND d.kind = :ackKind AND d.in_force = TRUE "
                        + "WHERE r.status IN (:open) AND d.due_at > :low AND d.due_at <= :high "
                        + "AND (d.notice_stage IS NULL OR d.notice_stage <> :stage) "
                        + "AND NOT EXISTS (SELECT 1 FROM outbound_message m WHERE m.request_id = r.id "
                        + "AND m.kind = :ackMessage AND m.status = 'SENT') "
                        + "ORDER BY d.due_at, r.id LIMIT :limit FOR UPDATE SKIP LOCKED";
        var spec = jdbc.sql(sql).param("open", ClockStore.OPEN_STATUSES)
                .param("low", Timestamps.toDb(low)).param("high", Timestamps.toDb(high))
                .param("stage", stage.name()).param("limit", settings.batchSize());
        if (track == DeadlineTrack.ACKNOWLEDGEMENT) {
            spec = spec.param("ackKind", DueDateKind.ACKNOWLEDGEMENT.name()).param("ackMessage", Acknowledgements.KIND);
        }
        return spec.query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2),
                        Timestamps.fromDb(rs.getObject(3, OffsetDateTime.class))))
                .list();
    }

    /** The details of the noticed requests, grouped by controller, in order of their deadlines. */
    private Map<String, List<NoticeEntry>> entries(List<Candidate> won, DeadlineTrack track, Instant now) {
        List<String> ids = won.stream().map(Candidate::id).toList();
        Map<String, String[]> rows = new HashMap<>();
        jdbc.sql("SELECT id, reference, status FROM subject_request WHERE id IN (:ids)").param("ids", ids)
                .query((rs, n) -> rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}))
                .list();
        Map<String, Set<String>> types = new HashMap<>();
        jdbc.sql("SELECT request_id, type FROM request_type WHERE request_id IN (:ids) ORDER BY type")
                .param("ids", ids)
                .query((rs, n) -> types.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>())
                        .add(rs.getString(2).toLowerCase(Locale.ROOT).replace('_', '-')))
                .list();
        Map<String, List<String[]>> dates = new HashMap<>();
        jdbc.sql("SELECT request_id, kind, due_at, rule FROM request_due_date WHERE request_id IN (:ids) "
                        + "AND in_force = TRUE")
                .param("ids", ids)
                .query((rs, n) -> dates.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new String[] {
                        rs.getString(2), Timestamps.fromDb(rs.getObject(3, OffsetDateTime.class)).toString(),
                        rs.getString(4)}))
                .list();
        Map<String, List<NoticeEntry>> byController = new LinkedHashMap<>();
        for (Candidate c : won) {
            Controller controller = controllers.require(c.controllerId());
            String[] row = rows.get(c.id());
            String[] date = dates.getOrDefault(c.id(), List.of()).stream()
                    .filter(d -> d[1].equals(c.dueAt().toString()))
                    .filter(d -> track == DeadlineTrack.ACKNOWLEDGEMENT
                            ? d[0].equals(DueDateKind.ACKNOWLEDGEMENT.name())
                            : DueDateKind.valueOf(d[0]).isAnswerDeadline())
                    .sorted(java.util.Comparator.comparing((String[] d) -> !d[0].equals(DueDateKind.PROMISE.name())))
                    .findFirst().orElse(new String[] {"?", "", ""});
            LocalDate dueOn = c.dueAt().atZone(controller.timeZone()).toLocalDate();
            long daysLeft = ChronoUnit.DAYS.between(now.atZone(controller.timeZone()).toLocalDate(), dueOn);
            byController.computeIfAbsent(c.controllerId(), k -> new ArrayList<>()).add(new NoticeEntry(c.id(),
                    row[0], c.controllerId(), row[1], c.dueAt(), dueOn, daysLeft, date[0], date[2],
                    List.copyOf(types.getOrDefault(c.id(), Set.of()))));
        }
        return byController;
    }

    /** One mail per recipient, an optional webhook, the audit events: all in the caller's transaction. */
    private void dispatch(Controller controller, DeadlineTrack track, EscalationStage stage, List<NoticeEntry> entries,
            Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO deadline_dispatch (controller_id, track, stage, notices, payload, webhook_status, "
                        + "webhook_next_attempt_at, created_at) VALUES (:controller, :track, :stage, :notices, '', "
                        + ":status, :next, :now)")
                .param("controller", controller.id()).param("track", track.name()).param("stage", stage.name())
                .param("notices", entries.size())
                .param("status", settings.hasWebhook() ? WebhookStatus.PENDING.name() : WebhookStatus.NONE.name())
                .param("next", settings.hasWebhook() ? Timestamps.toDb(now) : null)
                .param("now", Timestamps.toDb(now))
                .update(key, "id");
        long dispatchId = key.getKey().longValue();
        jdbc.sql("UPDATE deadline_dispatch SET payload = :payload WHERE id = :id")
                .param("payload", digests.payload(dispatchId, controller, track, stage, entries, now))
                .param("id", dispatchId).update();
        jdbc.sql("UPDATE deadline_notice SET dispatch_id = :dispatch WHERE track = :track AND stage = :stage "
                        + "AND request_id IN (:ids) AND dispatch_id IS NULL")
                .param("dispatch", dispatchId).param("track", track.name()).param("stage", stage.name())
                .param("ids", entries.stream().map(NoticeEntry::requestId).toList()).update();
        RenderedMail mail = digests.mail(controller, track, stage, entries, settings.leadOf(stage));
        String sender = settings.sender() != null ? settings.sender() : controller.contact().email();
        List<String> recipients = recipients(controller, stage);
        for (String recipient : recipients) {
            outbox.enqueue(null, "DEADLINE_" + stage.name(), sender, recipient, mail.subject(), mail.body(), null);
        }
        String action = (track == DeadlineTrack.RESPONSE ? "DEADLINE_" : "ACKNOWLEDGEMENT_")
                + (stage == EscalationStage.BREACH ? "BREACHED" : stage.name());
        for (NoticeEntry entry : entries) {
            audit.record(entry.requestId(), "deadline-escalation", action, entry.kind() + " due " + entry.dueAt()
                    + "; dispatch " + dispatchId + " to " + recipients.size() + " recipient"
                    + (recipients.size() == 1 ? "" : "s") + (settings.hasWebhook() ? " and the webhook" : ""));
        }
    }

    private List<String> recipients(Controller controller, EscalationStage stage) {
        String officer = controller.contact().privacyOfficer() != null ? controller.contact().privacyOfficer()
                : controller.contact().email();
        Set<String> to = new LinkedHashSet<>();
        switch (stage) {
            case REMINDER -> {
                if (settings.reminderTo().isEmpty()) {
                    to.add(controller.contact().email());
                } else {
                    to.addAll(settings.reminderTo());
                }
            }
            case ESCALATION -> {
                to.add(officer);
                to.addAll(settings.escalationTo());
            }
            case BREACH -> {
                to.add(officer);
                to.addAll(settings.breachTo());
            }
        }
        return List.copyOf(to);
    }

    private record Candidate(String id, String controllerId, Instant dueAt) {
    }
}
