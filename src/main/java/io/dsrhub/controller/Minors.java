package io.dsrhub.controller;

/**
 * The controller's rule for children.
 *
 * @param age                 below this age a person is a minor for this controller
 * @param guardianMayRequest  whether a parent or guardian may make requests for the minor
 */
public record Minors(int age, boolean guardianMayRequest) {
}
