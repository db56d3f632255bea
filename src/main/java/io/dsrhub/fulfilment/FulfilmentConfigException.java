package io.dsrhub.fulfilment;

/**
 * A fulfilment file (a controller's policy or one of its systems) the hub cannot start with; the message names the
 * file, the key and what is expected.
 */
public class FulfilmentConfigException extends RuntimeException {

    public FulfilmentConfigException(String file, String key, String problem) {
        super(file + ": key '" + key + "': " + problem);
    }

    public FulfilmentConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
