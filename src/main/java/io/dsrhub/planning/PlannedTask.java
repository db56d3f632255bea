package io.dsrhub.planning;

import io.dsrhub.domain.TaskAction;
import io.dsrhub.domain.TaskStatus;
import io.dsrhub.task.TaskInput;

/** One task a plan creates: PENDING when a connector does it, MANUAL_PENDING when a person must. */
public record PlannedTask(String systemId, TaskAction action, TaskStatus status, int stage, TaskInput input) {
}
