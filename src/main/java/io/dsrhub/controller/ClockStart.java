package io.dsrhub.controller;

/** The event from which a response period runs. */
public enum ClockStart {
    RECEIPT,
    VERIFICATION
}
