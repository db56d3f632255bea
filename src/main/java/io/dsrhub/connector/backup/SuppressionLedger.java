package io.dsrhub.connector.backup;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.ledger.Timestamps;
import io.dsrhub.retention.RetentionTerm;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The suppression ledger ({@code backup_suppression}): for every erasure while backups still hold the subject, the
 * identities, categories and retention terms of the erasure, so that a restore can erase them again. An entry is
 * needed only until the last backup holding the subject ages out ({@code ages_out_on}).
 */
public final class SuppressionLedger {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /** One entry. */
    public record Entry(long id, long taskId, String requestId, String systemId, String restoresInto,
            List<Identity> identities, List<String> categories, List<RetentionTerm> retention, LocalDate agesOutOn) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public SuppressionLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds the entry of an erasure task, once: a retried task finds its entry and gets its id. */
    public long add(long taskId, String requestId, String systemId, String restoresInto, List<Identity> identities,
            List<String> categories, List<RetentionTerm> retention, LocalDate agesOutOn) throws Exception {
        Optional<Long> existing = jdbc.sql("SELECT id FROM backup_suppression WHERE task_id = :t").param("t", taskId)
                .query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Map<String, String>> stored = identities.stream().filter(Identity::isRaw)
                .map(i -> Map.of("type", i.type().code(), "value", i.value())).toList();
        jdbc.sql("INSERT INTO backup_suppression (task_id, request_id, system_id, restores_into, identities, "
                        + "categories, retention, ages_out_on, created_at) VALUES (:t, :r, :s, :into, :ids, :cats, "
                        + ":ret, :ages, :now)")
                .param("t", taskId).param("r", requestId).param("s", systemId).param("into", restoresInto)
                .param("ids", JSON.writeValueAsString(stored)).param("cats", JSON.writeValueAsString(categories))
                .param("ret", JSON.writeValueAsString(retention)).param("ages", agesOutOn)
                .param("now", Timestamps.toDb(clock.instant())).update();
        return jdbc.sql("SELECT id FROM backup_suppression WHERE task_id = :t").param("t", taskId)
                .query(Long.class).single();
    }

    /** The entries of a backup system whose backups have not all aged out by {@code today}, oldest first. */
    public List<Entry> live(String systemId, LocalDate today) {
        return jdbc.sql("SELECT id, task_id, request_id, system_id, restores_into, identities, categories, retention, "
                        + "ages_out_on FROM backup_suppression WHERE system_id = :s AND ages_out_on >= :today "
                        + "ORDER BY id")
                .param("s", systemId).param("today", today)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("task_id"), rs.getString("request_id"),
                        rs.getString("system_id"), rs.getString("restores_into"), identities(rs.getString("identities")),
                        read(rs.getString("categories"), new TypeReference<List<String>>() { }),
                        read(rs.getString("retention"), new TypeReference<List<RetentionTerm>>() { }),
                        rs.getObject("ages_out_on", LocalDate.class)))
                .list();
    }

    /** Records that an entry was re-applied after a restore. */
    public void applied(long id) {
        jdbc.sql("UPDATE backup_suppression SET last_applied_at = :now, applied_count = applied_count + 1 "
                + "WHERE id = :id").param("now", Timestamps.toDb(clock.instant())).param("id", id).update();
    }

    /**
     * Deletes the entries whose backups have all aged out before {@code today}: no restore can bring those subjects
     * back, so their identities are not kept any longer. Returns the entries deleted.
     */
    public int forgetAgedOut(LocalDate today) {
        return jdbc.sql("DELETE FROM backup_suppression WHERE ages_out_on < :today").param("today", today).update();
    }

    private static List<Identity> identities(String json) {
        List<Map<String, String>> stored = read(json, new TypeReference<List<Map<String, String>>>() { });
        return stored.stream().map(m -> Identity.raw(IdentityType.fromCode(m.get("type")).orElseThrow(),
                m.get("value"))).toList();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json == null ? "[]" : json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a suppression entry cannot be read", e);
        }
    }
}
