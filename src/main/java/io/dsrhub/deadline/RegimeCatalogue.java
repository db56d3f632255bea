package io.dsrhub.deadline;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The regimes the hub applies, found by id or by the jurisdiction a request names. */
public final class RegimeCatalogue {

    private final Map<String, Regime> byId = new LinkedHashMap<>();

    public RegimeCatalogue(List<Regime> regimes) {
        regimes.forEach(r -> byId.put(r.id(), r));
    }

    public Optional<Regime> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public Collection<Regime> all() {
        return byId.values();
    }

    /**
     * The regime for a jurisdiction code: the one that names the code itself, else the one that names its country
     * ({@code US-CA} before {@code US}; {@code GB-SCT} falls back to {@code GB}).
     */
    public Optional<Regime> forJurisdiction(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Optional<Regime> exact = byId.values().stream().filter(r -> r.jurisdictions().contains(code)).findFirst();
        if (exact.isPresent() || code.length() <= 2) {
            return exact;
        }
        String country = code.substring(0, 2);
        return byId.values().stream().filter(r -> r.jurisdictions().contains(country)).findFirst();
    }
}
