package io.dsrhub.deadline;

/** A deadline configuration file or setting the hub cannot start with; the message names the file and the key. */
public class DeadlineConfigException extends RuntimeException {

    public DeadlineConfigException(String file, String key, String problem) {
        super(file + ": key '" + key + "': " + problem);
    }

    public DeadlineConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
