package io.dsrhub.domain;

/** The door a request came in through; replies go out the same way. */
public enum Channel {
    WEB_FORM,
    API,
    OPENDSR,
    EMAIL
}
