package io.dsrhub.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.domain.TaskStatus;
import io.dsrhub.domain.TaskTransitions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retries wait longer each time up to a cap; a finished task never moves again. */
class TaskBackoffTest {

    private final TaskBackoff backoff = new TaskBackoff(5, Duration.ofMinutes(1), Duration.ofMinutes(10));

    @Test
    void theWaitDoublesUpToTheCap() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(60)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.exhausted(4)).isFalse();
        assertThat(backoff.exhausted(5)).isTrue();
    }

    @Test
    void terminalTasksHaveNoWayOutAndDeadOnesOnlyBackToPending() {
        for (TaskStatus to : TaskStatus.values()) {
            assertThat(TaskTransitions.isAllowed(TaskStatus.DONE, to)).isFalse();
            assertThat(TaskTransitions.isAllowed(TaskStatus.RETAINED, to)).isFalse();
            assertThat(TaskTransitions.isAllowed(TaskStatus.NOT_FOUND, to)).isFalse();
        }
        assertThat(TaskTransitions.allowedFrom(TaskStatus.PENDING)).containsExactlyInAnyOrder(TaskStatus.RUNNING,
                TaskStatus.DEAD);
        assertThat(TaskTransitions.isAllowed(TaskStatus.RUNNING, TaskStatus.RUNNING)).isTrue();
        assertThat(TaskTransitions.isAllowed(TaskStatus.PENDING, TaskStatus.DONE)).isFalse();
    }
}
