package io.dsrhub.fulfilment;

import io.dsrhub.connector.jdbc.KeyedHash;
import io.dsrhub.storage.ExportStore;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What connectors get from the hub: its clock, the export store, the erasure hash key (made only when a data map
 * uses keyed-hash) and the default concurrency limit.
 */
public record SystemContext(Clock clock, Supplier<ExportStore> exports, Supplier<KeyedHash> hash,
        int defaultConcurrency, org.apache.camel.spi.Registry registry) {

    /** A hub bean (the outbox, the ledger's database) for connectors that record or send, looked up when used. */
    public <T> T bean(Class<T> type) {
        T bean = registry.findSingleByType(type);
        if (bean == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " in the registry");
        }
        return bean;
    }

    /** A system's concurrency limit: its own {@code max-concurrency}, else the hub's default. */
    public int concurrency(String file, Integer configured) {
        int limit = configured == null ? defaultConcurrency : configured;
        if (limit < 1 || limit > 64) {
            throw new FulfilmentConfigException(file, "max-concurrency", "expected 1 to 64; got " + limit);
        }
        return limit;
    }
}
