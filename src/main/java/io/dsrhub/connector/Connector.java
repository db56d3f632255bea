package io.dsrhub.connector;

import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.TaskAction;
import java.util.List;

/**
 * One target system's way of doing tasks. Implementations are thread-safe: several tasks of one system may run at
 * once, up to the system's concurrency limit.
 */
public interface Connector extends AutoCloseable {

    /** {@code jdbc}, {@code s3}, ... */
    String kind();

    /**
     * Checks the configuration against the live system (tables and columns in the database's metadata, buckets).
     *
     * @throws io.dsrhub.fulfilment.FulfilmentConfigException when the configuration does not fit the system
     * @throws RuntimeException when the system cannot be reached
     */
    void verify();

    /** Whether the system holds any data of these categories, according to its configuration. */
    boolean holds(DataCategories categories);

    /** Whether the connector carries out the action by itself; if not, the task is planned for a person. */
    boolean automates(TaskAction action);

    /** Runs a find, export, erase, restrict or purge task. */
    TaskOutcome run(TaskWork work) throws Exception;

    /**
     * The values of one column of the rows the identities lead to, for systems that derive an identity (an account
     * id) from this one.
     */
    default List<String> lookup(String table, String column, List<Identity> identities) throws Exception {
        throw new UnsupportedOperationException(kind() + " systems cannot be looked up");
    }

    @Override
    void close();
}
