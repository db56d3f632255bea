package io.dsrhub.task;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This hub instance's task workers: its owner name in leases, how many tasks it may run at once, and which tasks it
 * runs now (their leases are renewed while they run). Tasks are claimed only for free workers, so no claimed task
 * waits in a queue while its lease runs down.
 */
public final class TaskWorkers {

    private final String owner;
    private final int capacity;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    public TaskWorkers(String owner, int capacity) {
        this.owner = owner;
        this.capacity = capacity;
    }

    public String owner() {
        return owner;
    }

    public int free() {
        return Math.max(0, capacity - running.size());
    }

    public void taken(Collection<Long> ids) {
        running.addAll(ids);
    }

    public void done(long id) {
        running.remove(id);
    }

    public List<Long> running() {
        return List.copyOf(running);
    }
}
