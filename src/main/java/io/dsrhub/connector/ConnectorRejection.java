package io.dsrhub.connector;

/**
 * A task that can never succeed as planned (the system no longer holds the table the plan names, a key template
 * would be built from a value that is not safe): the task dies at once instead of being retried.
 */
public class ConnectorRejection extends RuntimeException {

    public ConnectorRejection(String message) {
        super(message);
    }

    public ConnectorRejection(String message, Throwable cause) {
        super(message, cause);
    }
}
