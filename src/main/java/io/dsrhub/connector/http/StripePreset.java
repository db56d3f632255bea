package io.dsrhub.connector.http;

import java.util.List;

/**
 * Stripe's API as the HTTP connector uses it: the customer found by e-mail through the search API, exported with
 * its charges and payment methods (list calls paged with {@code starting_after}), erased by deleting the customer
 * (Stripe deletes its payment methods with it; charges stay for Stripe's own bookkeeping duties).
 */
final class StripePreset {

    static final String BASE_URL = "https://api.stripe.com";

    static final HttpSystemFile.Call FIND = new HttpSystemFile.Call("customer", "GET",
            "/v1/customers/search?query=email%3A%27{email}%27&limit=100", "/data", "/id",
            new HttpSystemFile.Page("/has_more", "page", "/next_page"), null, null);

    static final List<HttpSystemFile.Call> EXPORT = List.of(
            new HttpSystemFile.Call("customer", "GET", "/v1/customers/{id}", null, "/id", null, null, null),
            new HttpSystemFile.Call("charges", "GET", "/v1/charges?customer={id}&limit=100", "/data", "/id",
                    new HttpSystemFile.Page("/has_more", "starting_after", "last-id"), null, null),
            new HttpSystemFile.Call("payment-methods", "GET", "/v1/payment_methods?customer={id}&limit=100",
                    "/data", "/id", new HttpSystemFile.Page("/has_more", "starting_after", "last-id"), null, null));

    static final List<HttpSystemFile.Call> ERASE = List.of(
            new HttpSystemFile.Call("customer", "DELETE", "/v1/customers/{id}", null, "/id", null, "/deleted", null));

    private StripePreset() {
    }
}
