package io.dsrhub.controller;

/**
 * How the controller is reached.
 *
 * @param email          the address requests arrive at and replies are sent from
 * @param privacyOfficer who is warned when a request nears or passes its deadline
 */
public record Contact(String email, String privacyOfficer, String web, String postalAddress) {
}
