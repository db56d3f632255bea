package io.dsrhub.controller;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The controllers this hub serves, by id. */
public final class ControllerCatalogue {

    private final Map<String, Controller> byId;

    public ControllerCatalogue(Map<String, Controller> byId) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    public Optional<Controller> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public Controller require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown controller " + id));
    }

    public Collection<Controller> all() {
        return byId.values();
    }
}
