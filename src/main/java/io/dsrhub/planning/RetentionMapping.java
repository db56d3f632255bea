package io.dsrhub.planning;

import java.util.List;

/**
 * Which data categories of the data maps one of the controller's retention rules keeps.
 *
 * @param rule       the id of a rule in the controller file's {@code retention} list
 * @param categories the dotted data categories it covers ({@code user.orders}); {@code user} covers all
 */
public record RetentionMapping(String rule, List<String> categories) {
}
