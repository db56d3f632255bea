package io.dsrhub.planning;

import io.dsrhub.controller.RetentionRule;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.TaskAction;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A controller's fulfilment policy: for each request type the action it takes and the categories it targets, and
 * for each of the controller's retention rules the categories it keeps.
 */
public record FulfilmentPolicy(String controllerId, Map<RequestType, Target> targets, List<Retention> retention) {

    /** What a request type does. */
    public record Target(TaskAction action, DataCategories categories) {
    }

    /** A controller retention rule with the data-map categories it covers. */
    public record Retention(RetentionRule rule, DataCategories categories) {
    }

    public Optional<Target> targetOf(RequestType type) {
        return Optional.ofNullable(targets.get(type));
    }

    /** The policy of a controller that has no {@code policy.yaml}: every request type goes to the privacy team. */
    public static FulfilmentPolicy manualOnly(String controllerId) {
        return new FulfilmentPolicy(controllerId, Map.of(), List.of());
    }
}
