package io.dsrhub.planning;

import io.dsrhub.controller.Controller;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.domain.TaskAction;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.fulfilment.TargetSystem;
import io.dsrhub.retention.RetentionTerm;
import io.dsrhub.task.TaskInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Turns a verified request into tasks: for each request type, the policy's action on every system holding data of
 * the targeted categories, one task per (system, action) with the categories of all types that share it. Reads
 * come first (stage 1), changes after them. What no connector can do goes to a person: a request type the policy
 * sends to manual handling, or a controller with no systems at all, becomes one task for the privacy team.
 */
public final class TaskPlan {

    /** The pseudo-system of tasks for the controller's privacy team. */
    public static final String PRIVACY_TEAM = "privacy-team";
    /** Purges run after the reply, on their own dates. */
    public static final int PURGE_STAGE = 9;

    private final List<PlannedTask> tasks;
    private final List<String> notes;

    private TaskPlan(List<PlannedTask> tasks, List<String> notes) {
        this.tasks = tasks;
        this.notes = notes;
    }

    public List<PlannedTask> tasks() {
        return tasks;
    }

    /** What the plan could not turn into tasks, for the audit trail (no personal data). */
    public List<String> notes() {
        return notes;
    }

    public static TaskPlan of(SubjectRequest request, Controller controller, FulfilmentPolicy policy,
            List<TargetSystem> systems, ToIntFunction<TargetSystem> writeStage) {
        record Key(String system, TaskAction action) {
        }
        Map<Key, Set<String>> categories = new LinkedHashMap<>();
        Map<Key, Set<RequestType>> types = new LinkedHashMap<>();
        Set<RequestType> manual = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        for (RequestType type : request.types()) {
            FulfilmentPolicy.Target target = policy.targetOf(type).orElse(null);
            if (target == null || target.action() == TaskAction.MANUAL || systems.isEmpty()) {
                manual.add(type);
                continue;
            }
            boolean held = false;
            for (TargetSystem system : systems) {
                if (!system.connector().holds(target.categories())) {
                    continue;
                }
                held = true;
                Key key = new Key(system.id(), target.action());
                categories.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(target.categories().targets());
                types.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(type);
            }
            if (!held) {
                notes.add(type.code() + ": no configured system holds " + target.categories().targets());
            }
        }
        List<PlannedTask> tasks = new ArrayList<>();
        for (Map.Entry<Key, Set<String>> entry : categories.entrySet()) {
            Key key = entry.getKey();
            TargetSystem system = systems.stream().filter(s -> s.id().equals(key.system())).findFirst().orElseThrow();
            Set<RequestType> served = types.get(key);
            List<RetentionTerm> retention = key.action() == TaskAction.ERASE
                    ? retention(policy, served) : List.of();
            boolean automated = system.connector().automates(key.action());
            int stage = key.action().isRead() ? 1 : writeStage.applyAsInt(system);
            tasks.add(new PlannedTask(key.system(), key.action(),
                    automated ? TaskStatus.PENDING : TaskStatus.MANUAL_PENDING, stage,
                    new TaskInput(served.stream().map(RequestType::code).toList(), List.copyOf(entry.getValue()),
                            retention, List.of(), automated ? null : "the connector cannot "
                            + key.action().code() + "; done by the privacy team")));
        }
        if (!manual.isEmpty()) {
            String why = systems.isEmpty() ? "no systems are configured for controller " + controller.id()
                    : "the policy sends these request types to the privacy team";
            tasks.add(new PlannedTask(PRIVACY_TEAM, TaskAction.MANUAL, TaskStatus.MANUAL_PENDING, 1,
                    new TaskInput(manual.stream().map(RequestType::code).toList(), List.of(), List.of(), List.of(),
                            why)));
        }
        return new TaskPlan(List.copyOf(tasks), List.copyOf(notes));
    }

    /**
     * The retention terms an erasure respects: every mapped rule of the controller, except that a rule running
     * from account closure applies only when the request closes the account.
     */
    static List<RetentionTerm> retention(FulfilmentPolicy policy, Set<RequestType> types) {
        List<RetentionTerm> terms = new ArrayList<>();
        for (FulfilmentPolicy.Retention retention : policy.retention()) {
            if ("account-closure".equals(retention.rule().after()) && !types.contains(RequestType.ACCOUNT_CLOSURE)) {
                continue;
            }
            terms.add(new RetentionTerm(retention.rule().id(), retention.categories().targets(),
                    retention.rule().period(), retention.rule().after(), retention.rule().basis()));
        }
        return terms;
    }
}
