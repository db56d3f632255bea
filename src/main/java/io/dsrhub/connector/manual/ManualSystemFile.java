package io.dsrhub.connector.manual;

import java.time.Duration;
import java.util.List;

/**
 * A system with no connector ({@code type: manual}): every task on it goes to a person.
 *
 * @param owner         who does the tasks (an e-mail address); told of each task, reminded, and the privacy
 *                      officer is told when it is late
 * @param instructions  what to do, sent with each task
 * @param dueIn         how long the owner has for a task (default P5D)
 * @param remindBefore  when before the due time the owner is reminded (default P1D)
 */
public record ManualSystemFile(String id, String name, String type, Boolean demo, Integer maxConcurrency,
        String owner, String instructions, Duration dueIn, Duration remindBefore, List<String> categories) {
}
