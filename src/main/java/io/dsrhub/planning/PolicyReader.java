package io.dsrhub.planning;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.RetentionRule;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.fulfilment.FulfilmentConfigException;
import io.dsrhub.fulfilment.FulfilmentFileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a controller's {@code policy.yaml}: request types the controller honours, actions a request can
 * plan, category syntax, and a mapping for every retention rule of the controller (an unmapped rule could let an
 * erasure destroy data the law says to keep, so it stops start-up).
 */
public final class PolicyReader {

    private final FulfilmentFileReader reader;

    public PolicyReader(FulfilmentFileReader reader) {
        this.reader = reader;
    }

    public FulfilmentPolicy read(Path file, Controller controller) {
        PolicyFile policy = reader.bind(file, reader.tree(file), PolicyFile.class);
        String name = file.toString();
        if (policy.controller() == null || !policy.controller().equals(controller.id())) {
            throw new FulfilmentConfigException(name, "controller", "expected '" + controller.id()
                    + "' (the name of the folder the policy is in); got '" + policy.controller() + "'");
        }
        Map<RequestType, FulfilmentPolicy.Target> targets = new EnumMap<>(RequestType.class);
        if (policy.requestTypes() != null) {
            policy.requestTypes().forEach((code, rule) -> {
                String key = "request-types." + code;
                RequestType type = RequestType.fromCode(code).orElseThrow(() -> new FulfilmentConfigException(name,
                        key, "is not a request type; expected one of " + codes()));
                if (!controller.honours(type)) {
                    throw new FulfilmentConfigException(name, key, "the controller does not honour " + code
                            + " (request-types of its controller file); remove it here or add it there");
                }
                if (rule == null) {
                    throw new FulfilmentConfigException(name, key, "expected 'action' and 'categories'");
                }
                TaskAction action = TaskAction.fromCode(rule.action())
                        .filter(a -> a != TaskAction.PURGE)
                        .orElseThrow(() -> new FulfilmentConfigException(name, key + ".action",
                                "expected one of find, export, erase, rectify, restrict, manual; got '"
                                        + rule.action() + "'"));
                List<String> categories = rule.categories() == null ? List.of() : rule.categories();
                if (action != TaskAction.MANUAL && categories.isEmpty()) {
                    throw new FulfilmentConfigException(name, key + ".categories",
                            "expected the data categories the request targets, such as [user]");
                }
                checkCategories(name, key + ".categories", categories);
                targets.put(type, new FulfilmentPolicy.Target(action, new DataCategories(categories)));
            });
        }
        List<FulfilmentPolicy.Retention> retention = new ArrayList<>();
        Set<String> mapped = new HashSet<>();
        List<RetentionMapping> mappings = policy.retention() == null ? List.of() : policy.retention();
        for (int i = 0; i < mappings.size(); i++) {
            RetentionMapping mapping = mappings.get(i);
            String key = "retention[" + i + "]";
            RetentionRule rule = rules(controller).stream().filter(r -> r.id().equals(mapping.rule())).findFirst()
                    .orElseThrow(() -> new FulfilmentConfigException(name, key + ".rule", "expected the id of a "
                            + "retention rule of the controller file, one of " + rules(controller).stream()
                            .map(RetentionRule::id).toList() + "; got '" + mapping.rule() + "'"));
            if (mapping.categories() == null || mapping.categories().isEmpty()) {
                throw new FulfilmentConfigException(name, key + ".categories",
                        "expected the data categories the rule keeps, such as [user.orders]");
            }
            checkCategories(name, key + ".categories", mapping.categories());
            mapped.add(rule.id());
            retention.add(new FulfilmentPolicy.Retention(rule, new DataCategories(mapping.categories())));
        }
        for (RetentionRule rule : rules(controller)) {
            if (!mapped.contains(rule.id())) {
                throw new FulfilmentConfigException(name, "retention", "the controller's retention rule '"
                        + rule.id() + "' is not mapped to data categories; add {rule: " + rule.id()
                        + ", categories: [...]} so that erasures keep what it keeps");
            }
        }
        return new FulfilmentPolicy(controller.id(), targets, retention);
    }

    private static List<RetentionRule> rules(Controller controller) {
        return controller.retention() == null ? List.of() : controller.retention();
    }

    private static void checkCategories(String file, String key, List<String> categories) {
        for (int i = 0; i < categories.size(); i++) {
            if (!DataCategories.isValid(categories.get(i))) {
                throw new FulfilmentConfigException(file, key + "[" + i + "]", "expected a dotted category such as "
                        + "user.contact.email; got '" + categories.get(i) + "'");
            }
        }
    }

    private static List<String> codes() {
        return java.util.Arrays.stream(RequestType.values()).map(RequestType::code).toList();
    }
}
