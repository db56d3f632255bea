package io.dsrhub.fulfilment;

import io.dsrhub.connector.Connector;
import java.util.List;

/**
 * One place holding a controller's personal data (a database, a bucket) as configured in
 * {@code config/fulfilment/<controller>/systems/<id>.yaml}, with the connector that does its tasks.
 *
 * @param maxConcurrency how many of its tasks may run at once across all hub instances
 */
public record TargetSystem(String id, String name, String controllerId, String file, boolean demo,
        int maxConcurrency, List<DerivedIdentity> identitiesFrom, Connector connector) {
}
