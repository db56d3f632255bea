package io.dsrhub.controller;

import io.dsrhub.domain.IdentityType;
import java.util.regex.Pattern;

/**
 * How one of the controller's own identifiers (a device serial number, an order number, ...) looks in free text
 * ({@code identifier-patterns:} in the controller file). The value is the pattern's group named {@code id}, or the
 * whole match when the pattern has no such group.
 *
 * @param type    the identity type the value is recorded as, such as {@code device-serial} or {@code order-number}
 * @param pattern a Java regular expression, matched against the message text
 */
public record IdentifierPattern(IdentityType type, String pattern) {

    /** The compiled pattern; the validator has checked that it compiles. */
    public Pattern compiled() {
        return Pattern.compile(pattern);
    }
}
