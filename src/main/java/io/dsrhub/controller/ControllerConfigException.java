package io.dsrhub.controller;

/** A controller file the hub cannot start with; the message names the file, the key and what is expected. */
public class ControllerConfigException extends RuntimeException {

    public ControllerConfigException(String file, String key, String problem) {
        super(file + ": key '" + key + "': " + problem);
    }

    public ControllerConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
