package io.dsrhub.controller;

import java.util.List;

/**
 * A third party the controller shares personal data with.
 *
 * @param shares         the data it receives (for example order number and amount)
 * @param privacyContact where erasure and access notices go when it has no API
 */
public record Processor(String name, String purpose, List<String> shares, String privacyContact) {
}
