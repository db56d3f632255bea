package io.dsrhub.freetext;

/** A classification file the hub cannot start with; the message names the file, the key and what is expected. */
public class FreeTextConfigException extends RuntimeException {

    public FreeTextConfigException(String file, String key, String problem) {
        super(file + ": key '" + key + "': " + problem);
    }

    public FreeTextConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
