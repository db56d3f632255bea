package io.dsrhub.verification;

/** A controller's verification settings do not fit its systems; the message names the file and the key. */
public final class VerificationConfigException extends RuntimeException {

    public VerificationConfigException(String controllerId, String key, String problem) {
        super("config/controllers/" + controllerId + ".yaml: " + key + ": " + problem);
    }
}
