package io.dsrhub.fulfilment;

/**
 * An identity a system needs but requests do not carry, taken from another system of the same controller: the
 * values of {@code table.column} in the rows the request's identities lead to (the account ids of the subject's
 * e-mail address, for example).
 *
 * @param identity the identity type code it provides ({@code account-id})
 */
public record DerivedIdentity(String identity, String system, String table, String column) {
}
