package io.dsrhub.reply;

import io.dsrhub.controller.Controller;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The grounds an operator may refuse a request on: those the law gives every controller (manifestly unfounded,
 * excessive, repetitive, identity not verified, a legal obligation to retain, the rights of third parties) and those
 * the controller's own policy lists ({@code refusal-grounds} in its file). Each has plain words in the message
 * bundles ({@code ground.<code>}).
 */
public final class RefusalGrounds {

    public static final List<String> STATUTORY = List.of("manifestly-unfounded", "excessive", "repetitive",
            "identity-not-verified", "legal-obligation", "third-party-rights");

    private RefusalGrounds() {
    }

    public static Set<String> allowedFor(Controller controller) {
        Set<String> all = new LinkedHashSet<>(STATUTORY);
        if (controller.refusalGrounds() != null) {
            all.addAll(controller.refusalGrounds());
        }
        return all;
    }
}
