package io.dsrhub.fulfilment;

import io.dsrhub.planning.FulfilmentPolicy;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every controller's fulfilment policy and target systems, from {@code config/fulfilment}. System ids are unique
 * across the hub.
 */
public final class FulfilmentCatalogue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FulfilmentCatalogue.class);

    private final Map<String, FulfilmentPolicy> policies;
    private final Map<String, TargetSystem> systems;

    public FulfilmentCatalogue(Map<String, FulfilmentPolicy> policies, Map<String, TargetSystem> systems) {
        this.policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        this.systems = Collections.unmodifiableMap(new LinkedHashMap<>(systems));
    }

    /** The controller's policy; a controller without one sends every request to its privacy team. */
    public FulfilmentPolicy policyOf(String controllerId) {
        return policies.getOrDefault(controllerId, FulfilmentPolicy.manualOnly(controllerId));
    }

    public Optional<TargetSystem> system(String id) {
        return Optional.ofNullable(systems.get(id));
    }

    public List<TargetSystem> systemsOf(String controllerId) {
        return systems.values().stream().filter(s -> s.controllerId().equals(controllerId)).toList();
    }

    public Collection<TargetSystem> all() {
        return systems.values();
    }

    /**
     * The stage of a system's changing tasks: 2, or later than every system that derives identities from it (so
     * that the account ids a bucket system needs are still there when it runs).
     */
    public int writeStage(TargetSystem system) {
        int stage = 2;
        for (TargetSystem other : systemsOf(system.controllerId())) {
            if (other.identitiesFrom().stream().anyMatch(d -> d.system().equals(system.id()))) {
                stage = Math.max(stage, writeStage(other) + 1);
            }
        }
        return stage;
    }

    /**
     * Checks every database system's data map against its metadata. A data map that does not fit stops start-up;
     * a database that cannot be reached is only logged, and checked again before its first task.
     */
    public void verifyDatabases() {
        verify(system -> "jdbc".equals(system.connector().kind()));
    }

    /** Checks that every bucket system's buckets can be reached (logged only: tasks check again). */
    public void verifyBuckets() {
        verify(system -> !"jdbc".equals(system.connector().kind()));
    }

    private void verify(java.util.function.Predicate<TargetSystem> which) {
        int checked = 0;
        for (TargetSystem system : systems.values()) {
            if (!which.test(system)) {
                continue;
            }
            try {
                system.connector().verify();
                checked++;
            } catch (FulfilmentConfigException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("system {} cannot be checked now ({}); it is checked again before its first task",
                        system.id(), e.getClass().getSimpleName());
            }
        }
        LOG.info("{} target systems checked against the live systems", checked);
    }

    @Override
    public void close() {
        for (TargetSystem system : systems.values()) {
            try {
                system.connector().close();
            } catch (RuntimeException e) {
                LOG.warn("closing system {} failed: {}", system.id(), e.getClass().getSimpleName());
            }
        }
    }
}
