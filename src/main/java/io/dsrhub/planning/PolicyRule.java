package io.dsrhub.planning;

import java.util.List;

/**
 * What one request type does: the task action ({@code find}, {@code export}, {@code erase}, {@code rectify},
 * {@code restrict} or {@code manual}) and the data categories it targets.
 */
public record PolicyRule(String action, List<String> categories) {
}
