package io.dsrhub.ledger;

import io.dsrhub.deadline.DueDate;
import io.dsrhub.deadline.DueDateKind;
import io.dsrhub.domain.Channel;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.domain.NewRequest;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.Requester;
import io.dsrhub.domain.RequesterKind;
import io.dsrhub.domain.StatusTransitions;
import io.dsrhub.domain.SubjectRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests, their identities, types and dates in the ledger. Writes are meant to run inside a transaction opened
 * by the caller ({@link LedgerTransactions}); every status change goes through {@link StatusTransitions} and leaves
 * an audit event.
 */
public final class RequestLedger {

    private static final String COLUMNS = "id, reference, controller_id, channel, status, requester_kind, "
            + "requester_name, requester_email, reply_to, country, jurisdiction, language, details, external_id, "
            + "received_at, updated_at, due_at";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final RequestReferences references = new RequestReferences();

    public RequestLedger(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Writes a new request in status RECEIVED with its first audit event and claims its idempotency key.
     *
     * @throws DuplicateKeyException when the idempotency key (or the caller's external id) was taken meanwhile
     */
    public SubjectRequest insert(NewRequest request, String actor, List<DueDate> dates) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant effectiveDue = dates.stream().filter(d -> d.isAnswerDeadline() && d.inForce())
                .map(DueDate::dueAt).min(Comparator.naturalOrder()).orElse(null);
        insertRow(id, request, now, effectiveDue);
        for (RequestType type : request.types()) {
            jdbc.sql("INSERT INTO request_type (request_id, type) VALUES (:id, :type)")
                    .param("id", id).param("type", type.name()).update();
        }
        for (Identity identity : request.identities()) {
            jdbc.sql("INSERT INTO request_identity (request_id, identity_type, identity_value, format) VALUES (:id, :type, :value, :format)")
                    .param("id", id).param("type", identity.type().name()).param("value", identity.value())
                    .param("format", identity.format()).update();
        }
        for (DueDate date : dates) {
            saveDueDate(id, date);
        }
        jdbc.sql("INSERT INTO processed_key (idempotency_key, request_id, created_at) VALUES (:key, :id, :at)")
                .param("key", request.idempotencyKey()).param("id", id).param("at", Timestamps.toDb(now)).update();
        audit.recordTransition(id, actor, "RECEIVED", null, RequestStatus.RECEIVED,
                "channel=" + request.channel() + " types=" + request.types());
        return find(id).orElseThrow();
    }

    private void insertRow(String id, NewRequest r, Instant now, Instant due) {
        for (int attempt = 1; ; attempt++) {
            String reference = references.next();
            try {
                jdbc.sql("INSERT INTO subject_request (" + COLUMNS + ", version) VALUES (:id, :reference, "
                                + ":controller, :channel, :status, :kind, :name, :email, :replyTo, :country, "
                                + ":jurisdiction, :language, :details, :external, :received, :updated, :due, 0)")
                        .param("id", id)
                        .param("reference", reference)
                        .param("controller", r.controllerId())
                        .param("channel", r.channel().name())
                        .param("status", RequestStatus.RECEIVED.name())
                        .param("kind", r.requester().kind().name())
                        .param("name", r.requester().name())
                        .param("email", r.requester().email())
                        .param("replyTo", r.replyAddress().orElse(null))
                        .param("country", r.country())
                        .param("jurisdiction", r.jurisdiction())
                        .param("language", r.language())
                        .param("details", r.details())
                        .param("external", r.externalId())
                        .param("received", Timestamps.toDb(r.receivedAt()))
                        .param("updated", Timestamps.toDb(now))
                        .param("due", Timestamps.toDb(due))
                        .update();
                return;
            } catch (DuplicateKeyException e) {
                boolean referenceTaken = jdbc.sql("SELECT COUNT(*) FROM subject_request WHERE reference = :r")
                        .param("r", reference).query(Long.class).single() > 0;
                if (!referenceTaken || attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * Adds request types to a request (a clarification named them) and records it in the audit trail; types it has
     * already are left alone. Call inside a transaction.
     */
    public void addTypes(String requestId, Set<RequestType> types, String actor) {
        Set<RequestType> current = find(requestId).orElseThrow().types();
        List<RequestType> added = types.stream().filter(t -> !current.contains(t)).sorted().toList();
        for (RequestType type : added) {
            jdbc.sql("INSERT INTO request_type (request_id, type) VALUES (:id, :type)")
                    .param("id", requestId).param("type", type.name()).update();
        }
        if (!added.isEmpty()) {
            audit.record(requestId, actor, "TYPES_ADDED", "types=" + added);
        }
    }

    /** Adds identities a request does not have yet (offered in a later message). Call inside a transaction. */
    public void addIdentities(String requestId, List<Identity> identities, String actor) {
        List<Identity> current = find(requestId).orElseThrow().identities();
        int added = 0;
        for (Identity identity : identities) {
            if (current.contains(identity)) {
                continue;
            }
            jdbc.sql("INSERT INTO request_identity (request_id, identity_type, identity_value, format) VALUES (:id, :type, :value, :format)")
                    .param("id", requestId).param("type", identity.type().name()).param("value", identity.value())
                    .param("format", identity.format()).update();
            added++;
        }
        if (added > 0) {
            audit.record(requestId, actor, "IDENTITIES_ADDED", added + " identities");
        }
    }

    /** Stores (or replaces) one date of a request's clock. */
    public void saveDueDate(String requestId, DueDate date) {
        jdbc.sql("DELETE FROM request_due_date WHERE request_id = :id AND kind = :kind")
                .param("id", requestId).param("kind", date.kind().name()).update();
        jdbc.sql("INSERT INTO request_due_date (request_id, kind, due_on, due_at, rule, in_force) "
                        + "VALUES (:id, :kind, :on, :at, :rule, :inForce)")
                .param("id", requestId).param("kind", date.kind().name()).param("on", date.dueOn())
                .param("at", Timestamps.toDb(date.dueAt())).param("rule", date.rule())
                .param("inForce", date.inForce()).update();
    }

    /** The dates of a request, earliest first (see {@link DueDate#CHRONOLOGICAL}). */
    public List<DueDate> dueDates(String requestId) {
        return jdbc.sql("SELECT kind, due_on, due_at, rule, in_force FROM request_due_date WHERE request_id = :id")
                .param("id", requestId)
                .query((rs, n) -> new DueDate(DueDateKind.valueOf(rs.getString(1)),
                        rs.getObject(2, java.time.LocalDate.class),
                        Timestamps.fromDb(rs.getObject(3, OffsetDateTime.class)), rs.getString(4), rs.getBoolean(5)))
                .list().stream().sorted(DueDate.CHRONOLOGICAL).toList();
    }

    /** The request that already took this idempotency key, if any. */
    public Optional<String> requestIdForKey(String idempotencyKey) {
        return jdbc.sql("SELECT request_id FROM processed_key WHERE idempotency_key = :key")
                .param("key", idempotencyKey).query(String.class).optional();
    }

    /**
     * Moves a request to a new status, refusing moves {@link StatusTransitions} does not allow and moves raced by
     * another writer, and records the change in the audit trail.
     */
    public SubjectRequest transition(String requestId, RequestStatus to, String actor, String reason) {
        SubjectRequest current = find(requestId)
                .orElseThrow(() -> new IllegalArgumentException("no request " + requestId));
        StatusTransitions.check(current.status(), to);
        int changed = jdbc.sql("UPDATE subject_request SET status = :to, updated_at = :now, version = version + 1 "
                        + "WHERE id = :id AND status = :from")
                .param("to", to.name()).param("now", Timestamps.toDb(clock.instant()))
                .param("id", requestId).param("from", current.status().name())
                .update();
        if (changed != 1) {
            throw new ConcurrentStatusChangeException(requestId, current.status(), to);
        }
        audit.recordTransition(requestId, actor, "STATUS_CHANGED", current.status(), to, reason);
        return find(requestId).orElseThrow();
    }

    public Optional<SubjectRequest> find(String requestId) {
        List<SubjectRequest> found = load("WHERE r.id = :id", Map.of("id", requestId), 1, 0);
        return found.stream().findFirst();
    }

    public Optional<SubjectRequest> findByExternalId(String controllerId, String externalId) {
        List<SubjectRequest> found = load("WHERE r.controller_id = :controller AND r.external_id = :external",
                Map.of("controller", controllerId, "external", externalId), 1, 0);
        return found.stream().findFirst();
    }

    public List<SubjectRequest> search(RequestFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return load(whereOf(filter, params), params, filter.limit(), filter.offset());
    }

    public long count(RequestFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM subject_request r " + whereOf(filter, params))
                .params(params).query(Long.class).single();
    }

    private static String whereOf(RequestFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        if (filter.controllerId() != null) {
            where.append(" AND r.controller_id = :controller");
            params.put("controller", filter.controllerId());
        }
        if (filter.status() != null) {
            where.append(" AND r.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.type() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM request_type t WHERE t.request_id = r.id AND t.type = :type)");
            params.put("type", filter.type().name());
        }
        return where.toString();
    }

    /** How many requests are in each status; statuses with none are present with 0. */
    public Map<RequestStatus, Long> countByStatus() {
        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        for (RequestStatus status : RequestStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) FROM subject_request GROUP BY status")
                .query((rs, n) -> Map.entry(RequestStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private List<SubjectRequest> load(String where, Map<String, Object> params, int limit, int offset) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("limit", limit);
        all.put("offset", offset);
        List<Row> rows = jdbc.sql("SELECT " + prefixed() + " FROM subject_request r " + where
                        + " ORDER BY r.received_at DESC, r.id LIMIT :limit OFFSET :offset")
                .params(all)
                .query((rs, n) -> Row.of(rs))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(Row::id).toList();
        Map<String, Set<RequestType>> types = new HashMap<>();
        jdbc.sql("SELECT request_id, type FROM request_type WHERE request_id IN (:ids) ORDER BY type")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getString(1), RequestType.valueOf(rs.getString(2))))
                .list()
                .forEach(e -> types.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(RequestType.class)).add(e.getValue()));
        Map<String, List<Identity>> identities = new HashMap<>();
        jdbc.sql("SELECT request_id, identity_type, identity_value, format FROM request_identity WHERE request_id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getString(1),
                        new Identity(IdentityType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4))))
                .list()
                .forEach(e -> identities.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(row -> row.toRequest(
                        types.getOrDefault(row.id(), EnumSet.noneOf(RequestType.class)),
                        identities.getOrDefault(row.id(), List.of())))
                .toList();
    }

    private static String prefixed() {
        StringBuilder sb = new StringBuilder();
        for (String column : COLUMNS.split(", ")) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append("r.").append(column);
        }
        return sb.toString();
    }

    private record Row(String id, String reference, String controllerId, Channel channel, RequestStatus status,
            Requester requester, String replyTo, String country, String jurisdiction, String language,
            String details, String externalId, Instant receivedAt, Instant updatedAt, Instant dueAt) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getString("id"), rs.getString("reference"), rs.getString("controller_id"),
                    Channel.valueOf(rs.getString("channel")), RequestStatus.valueOf(rs.getString("status")),
                    new Requester(RequesterKind.valueOf(rs.getString("requester_kind")),
                            rs.getString("requester_name"), rs.getString("requester_email")),
                    rs.getString("reply_to"), rs.getString("country"), rs.getString("jurisdiction"),
                    rs.getString("language"), rs.getString("details"), rs.getString("external_id"),
                    Timestamps.fromDb(rs.getObject("received_at", OffsetDateTime.class)),
                    Timestamps.fromDb(rs.getObject("updated_at", OffsetDateTime.class)),
                    Timestamps.fromDb(rs.getObject("due_at", OffsetDateTime.class)));
        }

        SubjectRequest toRequest(Set<RequestType> types, List<Identity> identities) {
            return new SubjectRequest(id, reference, controllerId, channel, status, requester, replyTo, country,
                    jurisdiction, language, details, externalId, receivedAt, updatedAt, dueAt,
                    new LinkedHashSet<>(types), List.copyOf(identities));
        }
    }
}
