package io.dsrhub.verification;

/**
 * A subject the controller's account system knows.
 *
 * @param reference the account reference, for matching data points (never shown to the requester)
 * @param email     the e-mail address on file, where the code goes
 */
public record AccountOnFile(String reference, String email) {

    @Override
    public String toString() {
        return "AccountOnFile[" + reference + "]";
    }
}
