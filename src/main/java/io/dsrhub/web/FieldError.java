package io.dsrhub.web;

/** What is wrong with one field of a submission. */
public record FieldError(String field, String message) {
}
