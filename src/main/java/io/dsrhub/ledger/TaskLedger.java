package io.dsrhub.ledger;

import io.dsrhub.domain.TaskStatus;
import io.dsrhub.domain.TaskTransitions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The tasks of requests, one per (system, action), and the SQL of the task engine: claiming due tasks with leases
 * ({@code FOR UPDATE SKIP LOCKED}, so hub instances never claim the same task), renewing and finishing them. Every
 * status change is checked against {@link TaskTransitions} and guarded by the status (and lease owner) it expects,
 * so a finished task is never changed again. Writes run in the caller's transaction.
 */
public final class TaskLedger {

    private static final String COLUMNS = "id, request_id, system_id, action, status, attempts, next_attempt_at, "
            + "last_error, result, created_at, updated_at, stage, task_input, lease_owner, lease_expires_at, "
            + "started_at, finished_at";
    /** Statuses that keep tasks of a later stage waiting. */
    private static final String OPEN = "'PENDING', 'RUNNING', 'FAILED'";

    private final JdbcClient jdbc;

    public TaskLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TaskRecord> forRequest(String requestId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request_task WHERE request_id = :id ORDER BY id")
                .param("id", requestId)
                .query((rs, n) -> map(rs))
                .list();
    }

    public Optional<TaskRecord> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request_task WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    public Optional<TaskRecord> find(String requestId, String systemId, String action) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request_task WHERE request_id = :r AND system_id = :s "
                        + "AND action = :a")
                .param("r", requestId).param("s", systemId).param("a", action)
                .query((rs, n) -> map(rs)).optional();
    }

    /**
     * Adds a planned task; PENDING tasks are due at {@code dueAt}, or wait for an earlier stage of their request when
     * it is null ({@link #releaseNextStage}).
     */
    public long insert(String requestId, String systemId, String action, TaskStatus status, int stage, String input,
            Instant dueAt, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO request_task (request_id, system_id, action, status, attempts, next_attempt_at, "
                        + "created_at, updated_at, stage, task_input) VALUES (:request, :system, :action, :status, 0, "
                        + ":due, :now, :now, :stage, :input)")
                .param("request", requestId).param("system", systemId).param("action", action)
                .param("status", status.name()).param("due", Timestamps.toDb(dueAt)).param("now", Timestamps.toDb(now))
                .param("stage", stage).param("input", input)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Makes sure every system has its gate row (claimers lock it while counting the system's running tasks). */
    public void ensureGates(Collection<String> systemIds) {
        for (String systemId : systemIds) {
            boolean exists = jdbc.sql("SELECT COUNT(*) FROM task_system_gate WHERE system_id = :s")
                    .param("s", systemId).query(Long.class).single() > 0;
            if (!exists) {
                try {
                    jdbc.sql("INSERT INTO task_system_gate (system_id) VALUES (:s)").param("s", systemId).update();
                } catch (DuplicateKeyException raced) {
                    // another hub instance made it meanwhile
                }
            }
        }
    }

    /** How many tasks of each system run under a lease that has not expired. */
    public Map<String, Integer> runningBySystem(Instant now) {
        Map<String, Integer> running = new HashMap<>();
        jdbc.sql("SELECT system_id, COUNT(*) FROM request_task WHERE status = 'RUNNING' AND lease_expires_at > :now "
                        + "GROUP BY system_id")
                .param("now", Timestamps.toDb(now))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
                .forEach(e -> running.put(e.getKey(), e.getValue()));
        return running;
    }

    /**
     * Claims due tasks for {@code owner}: PENDING or FAILED tasks whose next attempt has come (tasks waiting for an
     * earlier stage have none yet) and RUNNING tasks whose lease ran out (their hub instance died), of requests still
     * being worked on (purges run after the reply). Rows locked by another claimer are skipped. Per system, no more tasks
     * run than {@code limitOf} allows across all instances: the system's gate row is locked while its running
     * tasks are counted. Must run in a transaction.
     *
     * @param excluded systems not to claim for (their circuit is open here)
     * @param admit    asked once per task that fits the limits; false leaves it for later
     */
    public List<TaskRecord> claim(String owner, int limit, Instant now, Instant leaseUntil, Set<String> excluded,
            ToIntFunction<String> limitOf, java.util.function.Predicate<String> admit) {
        if (limit <= 0) {
            return List.of();
        }
        Set<String> skip = new java.util.HashSet<>(excluded);
        runningBySystem(now).forEach((system, running) -> {
            if (running >= limitOf.applyAsInt(system)) {
                skip.add(system);
            }
        });
        Map<String, Object> params = new HashMap<>();
        params.put("now", Timestamps.toDb(now));
        params.put("n", limit * 4);
        String notSkipped = "";
        if (!skip.isEmpty()) {
            notSkipped = " AND t.system_id NOT IN (:skip)";
            params.put("skip", skip);
        }
        List<Map.Entry<Long, String>> candidates = jdbc.sql("SELECT t.id, t.system_id FROM request_task t WHERE "
                        + "((t.status IN ('PENDING', 'FAILED') AND t.next_attempt_at <= :now) "
                        + "OR (t.status = 'RUNNING' AND t.lease_expires_at <= :now))" + notSkipped
                        + " AND (t.action = 'purge' OR t.request_id IN (SELECT r.id FROM subject_request r "
                        + "WHERE r.status IN ('IN_PROGRESS', 'AWAITING_MANUAL')))"
                        + " ORDER BY t.next_attempt_at, t.id LIMIT :n FOR UPDATE SKIP LOCKED")
                .params(params)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<String> systems = candidates.stream().map(Map.Entry::getValue).distinct().sorted().toList();
        jdbc.sql("SELECT system_id FROM task_system_gate WHERE system_id IN (:systems) ORDER BY system_id FOR UPDATE")
                .param("systems", systems).query(String.class).list();
        Map<String, Integer> running = new HashMap<>();
        jdbc.sql("SELECT system_id, COUNT(*) FROM request_task WHERE status = 'RUNNING' AND lease_expires_at > :now "
                        + "AND system_id IN (:systems) GROUP BY system_id")
                .param("now", Timestamps.toDb(now)).param("systems", systems)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
                .forEach(e -> running.put(e.getKey(), e.getValue()));
        List<Long> chosen = new ArrayList<>();
        for (Map.Entry<Long, String> candidate : candidates) {
            if (chosen.size() >= limit) {
                break;
            }
            String system = candidate.getValue();
            if (running.getOrDefault(system, 0) >= limitOf.applyAsInt(system) || !admit.test(system)) {
                continue;
            }
            running.merge(system, 1, Integer::sum);
            chosen.add(candidate.getKey());
        }
        if (chosen.isEmpty()) {
            return List.of();
        }
        jdbc.sql("UPDATE request_task SET status = 'RUNNING', lease_owner = :owner, lease_expires_at = :until, "
                        + "attempts = attempts + 1, started_at = :now, updated_at = :now WHERE id IN (:ids)")
                .param("owner", owner).param("until", Timestamps.toDb(leaseUntil)).param("now", Timestamps.toDb(now))
                .param("ids", chosen).update();
        Map<Long, TaskRecord> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM request_task WHERE id IN (:ids)").param("ids", chosen)
                .query((rs, n) -> map(rs)).list().forEach(t -> byId.put(t.id(), t));
        return chosen.stream().map(byId::get).toList();
    }

    /**
     * Makes the waiting tasks of a request's next stage due, once no task of an earlier stage is open (PENDING,
     * RUNNING or FAILED): reads before changes. Call in the transaction that closes a task, holding the request row.
     */
    public int releaseNextStage(String requestId, Instant now) {
        return jdbc.sql("UPDATE request_task SET next_attempt_at = :now, updated_at = :now WHERE request_id = :r "
                        + "AND status = 'PENDING' AND next_attempt_at IS NULL AND action <> 'purge' AND stage = "
                        + "(SELECT MIN(o.stage) FROM request_task o WHERE o.request_id = :r AND o.action <> 'purge' "
                        + "AND o.status IN (" + OPEN + "))")
                .param("now", Timestamps.toDb(now)).param("r", requestId).update();
    }

    /** Extends the leases of tasks {@code owner} is still running. */
    public int renew(String owner, Collection<Long> ids, Instant until, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE request_task SET lease_expires_at = :until WHERE id IN (:ids) AND lease_owner = :owner "
                        + "AND status = 'RUNNING'")
                .param("until", Timestamps.toDb(until)).param("ids", ids).param("owner", owner).update();
    }

    /**
     * Ends a running task with its result; false when the task is no longer {@code owner}'s (its lease ran out and
     * another instance took it), in which case nothing changes.
     */
    public boolean finish(long id, String owner, TaskStatus to, String result, Instant now) {
        TaskTransitions.check(TaskStatus.RUNNING, to);
        return jdbc.sql("UPDATE request_task SET status = :to, result = :result, last_error = NULL, lease_owner = NULL, "
                        + "lease_expires_at = NULL, finished_at = :now, updated_at = :now WHERE id = :id "
                        + "AND lease_owner = :owner AND status = 'RUNNING'")
                .param("to", to.name()).param("result", result).param("now", Timestamps.toDb(now))
                .param("id", id).param("owner", owner).update() == 1;
    }

    /** A failed attempt: the task waits until {@code nextAttempt}. */
    public boolean retryLater(long id, String owner, String error, Instant nextAttempt, Instant now) {
        TaskTransitions.check(TaskStatus.RUNNING, TaskStatus.FAILED);
        return jdbc.sql("UPDATE request_task SET status = 'FAILED', last_error = :error, next_attempt_at = :next, "
                        + "lease_owner = NULL, lease_expires_at = NULL, updated_at = :now WHERE id = :id "
                        + "AND lease_owner = :owner AND status = 'RUNNING'")
                .param("error", clip(error)).param("next", Timestamps.toDb(nextAttempt))
                .param("now", Timestamps.toDb(now)).param("id", id).param("owner", owner).update() == 1;
    }

    /** The task gave up: its retries are exhausted or it can never succeed. */
    public boolean kill(long id, String owner, String error, Instant now) {
        TaskTransitions.check(TaskStatus.RUNNING, TaskStatus.DEAD);
        return jdbc.sql("UPDATE request_task SET status = 'DEAD', last_error = :error, lease_owner = NULL, "
                        + "lease_expires_at = NULL, finished_at = :now, updated_at = :now WHERE id = :id "
                        + "AND lease_owner = :owner AND status = 'RUNNING'")
                .param("error", clip(error)).param("now", Timestamps.toDb(now)).param("id", id)
                .param("owner", owner).update() == 1;
    }

    /** A running task goes back to waiting until {@code dueAt} with a new input (a purge with later dates left). */
    public boolean reschedule(long id, String owner, String input, String result, Instant dueAt, Instant now) {
        TaskTransitions.check(TaskStatus.RUNNING, TaskStatus.PENDING);
        return jdbc.sql("UPDATE request_task SET status = 'PENDING', task_input = :input, result = :result, "
                        + "attempts = 0, last_error = NULL, next_attempt_at = :due, lease_owner = NULL, "
                        + "lease_expires_at = NULL, updated_at = :now WHERE id = :id AND lease_owner = :owner "
                        + "AND status = 'RUNNING'")
                .param("input", input).param("result", result).param("due", Timestamps.toDb(dueAt))
                .param("now", Timestamps.toDb(now)).param("id", id).param("owner", owner).update() == 1;
    }

    /** Replaces the input and due time of a task that is waiting (a purge that gains entries). */
    public boolean replan(long id, TaskStatus expected, String input, Instant dueAt, Instant now) {
        return jdbc.sql("UPDATE request_task SET task_input = :input, next_attempt_at = :due, updated_at = :now "
                        + "WHERE id = :id AND status = :expected")
                .param("input", input).param("due", Timestamps.toDb(dueAt)).param("now", Timestamps.toDb(now))
                .param("id", id).param("expected", expected.name()).update() == 1;
    }

    /** An operator's move of a task that no worker holds (a manual task done, a dead task retried). */
    public boolean move(long id, TaskStatus from, TaskStatus to, String result, Instant now) {
        TaskTransitions.check(from, to);
        String retry = to == TaskStatus.PENDING ? "attempts = 0, last_error = NULL, next_attempt_at = :now, " : "";
        String finished = to.isTerminal() ? "finished_at = :now, " : "finished_at = NULL, ";
        String newResult = result == null ? "" : "result = :result, ";
        var statement = jdbc.sql("UPDATE request_task SET status = :to, " + newResult + retry + finished
                        + "updated_at = :now WHERE id = :id AND status = :from")
                .param("to", to.name()).param("now", Timestamps.toDb(now)).param("id", id).param("from", from.name());
        if (result != null) {
            statement = statement.param("result", result);
        }
        return statement.update() == 1;
    }

    /** The statuses of a request's tasks, purges left out (they run after the reply). */
    public Map<TaskStatus, Integer> statusCounts(String requestId) {
        Map<TaskStatus, Integer> counts = new java.util.EnumMap<>(TaskStatus.class);
        jdbc.sql("SELECT status, COUNT(*) FROM request_task WHERE request_id = :id AND action <> 'purge' "
                        + "GROUP BY status")
                .param("id", requestId)
                .query((rs, n) -> Map.entry(TaskStatus.valueOf(rs.getString(1)), rs.getInt(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Requests being worked on whose tasks (purges left out) are none of them open any more. */
    public List<String> requestsReadyToSettle(int limit) {
        return jdbc.sql("SELECT r.id FROM subject_request r WHERE r.status IN ('IN_PROGRESS', 'AWAITING_MANUAL') "
                        + "AND NOT EXISTS (SELECT 1 FROM request_task t WHERE t.request_id = r.id AND t.action <> "
                        + "'purge' AND t.status IN (" + OPEN + ")) AND NOT (r.status = 'AWAITING_MANUAL' AND EXISTS "
                        + "(SELECT 1 FROM request_task m WHERE m.request_id = r.id AND m.status = 'MANUAL_PENDING')) "
                        + "ORDER BY r.updated_at LIMIT :n")
                .param("n", limit).query(String.class).list();
    }

    /**
     * Makes a waiting task due now (a processor's reply or callback arrived); returns whether a PENDING task was
     * woken. A task that is running or finished is left alone.
     */
    public boolean wake(long id, Instant now) {
        return jdbc.sql("UPDATE request_task SET next_attempt_at = :now, updated_at = :now WHERE id = :id "
                        + "AND status = 'PENDING'")
                .param("now", Timestamps.toDb(now)).param("id", id).update() == 1;
    }

    public static Set<TaskStatus> open() {
        return EnumSet.of(TaskStatus.PENDING, TaskStatus.RUNNING, TaskStatus.FAILED);
    }

    private static String clip(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static TaskRecord map(ResultSet rs) throws SQLException {
        return new TaskRecord(rs.getLong("id"), rs.getString("request_id"), rs.getString("system_id"),
                rs.getString("action"), TaskStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getString("result"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("stage"), rs.getString("task_input"),
                rs.getString("lease_owner"), instant(rs, "lease_expires_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Timestamps.fromDb(rs.getObject(column, OffsetDateTime.class));
    }

    /** For messages: the statuses as a short list. */
    public static String describe(Map<TaskStatus, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
