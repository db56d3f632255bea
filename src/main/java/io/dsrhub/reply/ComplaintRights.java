package io.dsrhub.reply;

import io.dsrhub.controller.Controller;
import io.dsrhub.deadline.ClockCalculator;
import io.dsrhub.deadline.ClockSubject;
import io.dsrhub.deadline.Regime;
import io.dsrhub.domain.SubjectRequest;
import java.util.Optional;
import java.util.Set;

/**
 * Where a subject whose request is refused (wholly or in part) may turn: the supervisory authority of the regime the
 * request is counted under ({@code config/regimes.yaml}: the national authority of the request's jurisdiction from
 * {@code authorities}, else {@code authority}), and a court where the regime
 * requires the reply to say so (GDPR and UK GDPR Art. 12(4): "the possibility of lodging a complaint with a
 * supervisory authority and seeking a judicial remedy"). The controller's own complaints text is added when its
 * file has one.
 */
public final class ComplaintRights {

    /** Regimes whose refusals must name the judicial remedy. */
    static final Set<String> JUDICIAL_REMEDY = Set.of("eu-gdpr", "uk-gdpr");

    private final ClockCalculator calculator;

    /** What the reply says; {@code authority} is empty when no regime applies. */
    public record Rights(String regime, String authority, boolean court, String controllerText) {

        public boolean any() {
            return !authority.isEmpty() || court;
        }
    }

    public ComplaintRights(ClockCalculator calculator) {
        this.calculator = calculator;
    }

    public Rights of(SubjectRequest request, Controller controller) {
        ClockSubject subject = ClockSubject.of(request);
        Optional<Regime> regime = calculator.regimeFor(controller, subject);
        String authority = regime.map(r -> r.authorityFor(subject.jurisdiction())).orElse("");
        boolean court = regime.map(r -> JUDICIAL_REMEDY.contains(r.id())).orElse(false);
        return new Rights(regime.map(Regime::name).orElse(""), authority == null ? "" : authority, court,
                controller.complaints() == null ? "" : controller.complaints());
    }
}
