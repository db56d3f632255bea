package io.dsrhub.verification;

import io.dsrhub.ledger.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The verification tables: one {@code request_verification} row per request and one {@code verification_challenge}
 * row per code sent (its keyed hash only). Call inside the transaction of the change that goes with it.
 */
public final class ChallengeLedger {

    private final JdbcClient jdbc;
    private final VerificationCodes codes;
    private final Clock clock;

    public ChallengeLedger(JdbcClient jdbc, VerificationCodes codes, Clock clock) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.clock = clock;
    }

    /** Records that verification of a request started (the first start counts). */
    public void start(String requestId, int level, boolean onFile, String accountRef) {
        if (record(requestId).isPresent()) {
            return;
        }
        OffsetDateTime now = Timestamps.toDb(clock.instant());
        jdbc.sql("INSERT INTO request_verification (request_id, level, on_file, account_ref, requested_at, "
                        + "updated_at) VALUES (:id, :level, :onFile, :account, :now, :now)")
                .param("id", requestId).param("level", level).param("onFile", onFile).param("account", accountRef)
                .param("now", now).update();
    }

    public Optional<VerificationRecord> record(String requestId) {
        return jdbc.sql("SELECT * FROM request_verification WHERE request_id = :id").param("id", requestId)
                .query((rs, n) -> new VerificationRecord(rs.getString("request_id"), rs.getInt("level"),
                        rs.getBoolean("on_file"), rs.getString("account_ref"), instant(rs, "requested_at"),
                        instant(rs, "completed_at"), rs.getString("outcome")))
                .optional();
    }

    /** The hub now waits for the requester: the days until expiry count from here. */
    public void requested(String requestId) {
        jdbc.sql("UPDATE request_verification SET requested_at = :now, updated_at = :now WHERE request_id = :id")
                .param("now", Timestamps.toDb(clock.instant())).param("id", requestId).update();
    }

    public void complete(String requestId, String outcome) {
        jdbc.sql("UPDATE request_verification SET completed_at = :now, outcome = :outcome, updated_at = :now "
                        + "WHERE request_id = :id")
                .param("now", Timestamps.toDb(clock.instant())).param("outcome", outcome).param("id", requestId)
                .update();
    }

    public void outcome(String requestId, String outcome) {
        jdbc.sql("UPDATE request_verification SET outcome = :outcome, updated_at = :now WHERE request_id = :id")
                .param("now", Timestamps.toDb(clock.instant())).param("outcome", outcome).param("id", requestId)
                .update();
    }

    /** A new code for the request; any earlier one that was not used is superseded. Returns the new challenge's id. */
    public String issue(String requestId, Duration validFor) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE verification_challenge SET state = 'SUPERSEDED' WHERE request_id = :id "
                        + "AND state IN ('OPEN', 'LOCKED', 'EXPIRED')")
                .param("id", requestId).update();
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO verification_challenge (id, request_id, code_hash, state, attempts, created_at, "
                        + "expires_at) VALUES (:id, :request, :hash, 'OPEN', 0, :now, :expires)")
                .param("id", id).param("request", requestId).param("hash", codes.hash(codes.code(id)))
                .param("now", Timestamps.toDb(now)).param("expires", Timestamps.toDb(now.plus(validFor)))
                .update();
        return id;
    }

    /** The request's latest challenge, whatever its state. */
    public Optional<Challenge> latest(String requestId) {
        return jdbc.sql("SELECT * FROM verification_challenge WHERE request_id = :id AND state <> 'SUPERSEDED' "
                        + "ORDER BY created_at DESC, id LIMIT 1")
                .param("id", requestId).query((rs, n) -> map(rs)).optional();
    }

    public int countIssued(String requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM verification_challenge WHERE request_id = :id").param("id", requestId)
                .query(Integer.class).single();
    }

    public void attempted(String challengeId, Challenge.State state) {
        jdbc.sql("UPDATE verification_challenge SET attempts = attempts + 1, state = :state WHERE id = :id")
                .param("state", state.name()).param("id", challengeId).update();
    }

    public void mark(String challengeId, Challenge.State state) {
        jdbc.sql("UPDATE verification_challenge SET state = :state, used_at = :now WHERE id = :id")
                .param("state", state.name()).param("now", Timestamps.toDb(clock.instant())).param("id", challengeId)
                .update();
    }

    /** Requests still awaiting verification whose verification was requested before {@code before}. */
    public List<String> awaitingSince(Instant before, int limit) {
        return jdbc.sql("SELECT r.id FROM subject_request r JOIN request_verification v ON v.request_id = r.id "
                        + "WHERE r.status = 'AWAITING_VERIFICATION' AND v.requested_at < :before "
                        + "ORDER BY v.requested_at LIMIT :n")
                .param("before", Timestamps.toDb(before)).param("n", limit).query(String.class).list();
    }

    private static Challenge map(ResultSet rs) throws SQLException {
        return new Challenge(rs.getString("id"), rs.getString("request_id"), rs.getString("code_hash"),
                Challenge.State.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "created_at"),
                instant(rs, "expires_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Timestamps.fromDb(rs.getObject(column, OffsetDateTime.class));
    }
}
