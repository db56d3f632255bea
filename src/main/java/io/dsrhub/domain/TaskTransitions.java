package io.dsrhub.domain;

import static io.dsrhub.domain.TaskStatus.DEAD;
import static io.dsrhub.domain.TaskStatus.DONE;
import static io.dsrhub.domain.TaskStatus.FAILED;
import static io.dsrhub.domain.TaskStatus.MANUAL_PENDING;
import static io.dsrhub.domain.TaskStatus.NOT_FOUND;
import static io.dsrhub.domain.TaskStatus.PENDING;
import static io.dsrhub.domain.TaskStatus.RETAINED;
import static io.dsrhub.domain.TaskStatus.RUNNING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says which task status may follow which. A terminal task (DONE, RETAINED, NOT_FOUND) never
 * runs again; DEAD is terminal for fan-in but an operator may send it back to PENDING; RUNNING may follow RUNNING
 * when another hub instance takes over a task whose lease ran out.
 */
public final class TaskTransitions {

    private static final Map<TaskStatus, Set<TaskStatus>> ALLOWED = new EnumMap<>(TaskStatus.class);

    static {
        ALLOWED.put(PENDING, EnumSet.of(RUNNING, MANUAL_PENDING));
        ALLOWED.put(RUNNING, EnumSet.of(RUNNING, PENDING, DONE, RETAINED, NOT_FOUND, FAILED, DEAD));
        ALLOWED.put(FAILED, EnumSet.of(RUNNING, DEAD));
        ALLOWED.put(MANUAL_PENDING, EnumSet.of(DONE, RETAINED, NOT_FOUND, DEAD));
        ALLOWED.put(DEAD, EnumSet.of(PENDING));
        ALLOWED.put(DONE, EnumSet.noneOf(TaskStatus.class));
        ALLOWED.put(RETAINED, EnumSet.noneOf(TaskStatus.class));
        ALLOWED.put(NOT_FOUND, EnumSet.noneOf(TaskStatus.class));
    }

    private TaskTransitions() {
    }

    public static boolean isAllowed(TaskStatus from, TaskStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** The statuses a task may be in when it moves to {@code to}. */
    public static Set<TaskStatus> allowedFrom(TaskStatus to) {
        Set<TaskStatus> from = EnumSet.noneOf(TaskStatus.class);
        ALLOWED.forEach((status, next) -> {
            if (next.contains(to)) {
                from.add(status);
            }
        });
        return from;
    }

    /** @throws IllegalStateException when {@code to} may not follow {@code from} */
    public static void check(TaskStatus from, TaskStatus to) {
        if (!isAllowed(from, to)) {
            throw new IllegalStateException("a task in status " + from + " cannot move to " + to);
        }
    }
}
