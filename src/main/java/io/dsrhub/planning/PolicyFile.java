package io.dsrhub.planning;

import java.util.List;
import java.util.Map;

/** {@code config/fulfilment/<controller>/policy.yaml} as written. */
public record PolicyFile(String controller, Map<String, PolicyRule> requestTypes, List<RetentionMapping> retention) {
}
