package io.dsrhub.connector.manual;

import io.dsrhub.connector.Connector;
import io.dsrhub.connector.ConnectorRejection;
import io.dsrhub.connector.TaskOutcome;
import io.dsrhub.connector.TaskWork;
import io.dsrhub.domain.DataCategories;
import io.dsrhub.domain.TaskAction;
import java.time.Duration;

/**
 * A system with no connector: the planner gives each of its tasks to a person (MANUAL_PENDING); the owner is told,
 * reminded before the due time, and the privacy officer told when it is late ({@link ManualTasks}); the owner's
 * result comes through the operator API.
 */
public final class ManualConnector implements Connector {

    private final String systemId;
    private final String owner;
    private final String instructions;
    private final Duration dueIn;
    private final Duration remindBefore;
    private final DataCategories categories;

    ManualConnector(String systemId, String owner, String instructions, Duration dueIn, Duration remindBefore,
            DataCategories categories) {
        this.systemId = systemId;
        this.owner = owner;
        this.instructions = instructions;
        this.dueIn = dueIn;
        this.remindBefore = remindBefore;
        this.categories = categories;
    }

    @Override
    public String kind() {
        return "manual";
    }

    String owner() {
        return owner;
    }

    String instructions() {
        return instructions;
    }

    Duration dueIn() {
        return dueIn;
    }

    Duration remindBefore() {
        return remindBefore;
    }

    @Override
    public void verify() {
        // nothing to reach
    }

    @Override
    public boolean holds(DataCategories requested) {
        return requested.overlaps(categories);
    }

    @Override
    public boolean automates(TaskAction action) {
        return false;
    }

    @Override
    public TaskOutcome run(TaskWork work) {
        throw new ConnectorRejection(systemId + " has no connector; its tasks are done by " + "its owner");
    }

    @Override
    public void close() {
        // nothing held
    }
}
