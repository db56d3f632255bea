package io.dsrhub.mailbox;

import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.Timestamps;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts how often the hub has started on a message that is still in its mailbox. The count goes up before the work
 * starts (so even a message that crashes the hub is counted), and is cleared when the message is done. A message
 * whose count passes {@code dsr.mailbox.max-attempts} is quarantined instead of being retried forever.
 */
public final class MailAttempts {

    private final JdbcClient jdbc;
    private final LedgerTransactions tx;
    private final Clock clock;

    public MailAttempts(JdbcClient jdbc, LedgerTransactions tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Counts one more attempt and returns the count, this one included. */
    public int begin(String key) {
        for (int tries = 0; ; tries++) {
            try {
                return tx.inTransaction(() -> {
                    int updated = jdbc.sql("UPDATE mail_attempt SET attempts = attempts + 1, updated_at = :now "
                                    + "WHERE attempt_key = :key")
                            .param("now", Timestamps.toDb(clock.instant())).param("key", key).update();
                    if (updated == 0) {
                        jdbc.sql("INSERT INTO mail_attempt (attempt_key, attempts, updated_at) VALUES (:key, 1, :now)")
                                .param("key", key).param("now", Timestamps.toDb(clock.instant())).update();
                    }
                    return jdbc.sql("SELECT attempts FROM mail_attempt WHERE attempt_key = :key").param("key", key)
                            .query(Integer.class).single();
                });
            } catch (DuplicateKeyException raced) {
                if (tries > 2) {
                    throw raced;
                }
            }
        }
    }

    /** Records why an attempt failed; called by the mailbox route's error handling. */
    public void failed(Exchange exchange) {
        String key = exchange.getProperty(MailReader.ATTEMPT_KEY, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (key == null) {
            return;
        }
        String error = describe(cause);
        jdbc.sql("UPDATE mail_attempt SET last_error = :error, updated_at = :now WHERE attempt_key = :key")
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("now", Timestamps.toDb(clock.instant())).param("key", key).update();
    }

    /**
     * The innermost cause, in one line (later lines of database errors can quote the values of a row, which are
     * personal data): {@code PSQLException: ERROR: the ledger refuses this request}.
     */
    static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown error";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip().split("\\R", 2)[0];
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    public Optional<String> lastError(String key) {
        return jdbc.sql("SELECT COALESCE(last_error, '') FROM mail_attempt WHERE attempt_key = :key").param("key", key)
                .query(String.class).optional();
    }

    public void clear(String key) {
        jdbc.sql("DELETE FROM mail_attempt WHERE attempt_key = :key").param("key", key).update();
    }
}
