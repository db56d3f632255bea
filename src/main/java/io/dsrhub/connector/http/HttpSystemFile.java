package io.dsrhub.connector.http;

import java.time.Duration;
import java.util.List;

/**
 * A processor with an HTTP API ({@code type: http}) as written. With {@code preset: stripe} the calls are Stripe's
 * and only {@code base-url} and {@code api-key} are needed; otherwise {@code find}, {@code export} and {@code erase}
 * say which calls to make.
 *
 * @param apiKey     sent as {@code Authorization: Bearer} (or Basic with {@code api-user}); from the environment
 * @param find       how the subject's records are found from an identity ({@code {email}} in the URL)
 * @param export     what is fetched for each record found ({@code {id}} in the URL)
 * @param erase      what is called to erase each record found
 */
public record HttpSystemFile(String id, String name, String type, Boolean demo, Integer maxConcurrency,
        java.util.List<io.dsrhub.fulfilment.DerivedIdentity> identitiesFrom,
        String processor, String preset, String baseUrl, String apiKey, String apiUser, List<String> categories, Duration timeout,
        Call find, List<Call> export, List<Call> erase) {

    /**
     * One call. {@code url} is relative to {@code base-url} and holds {@code {identity}} or {@code {id}}
     * placeholders (URL-encoded when filled in). Results are read with JSON pointers: {@code items} is the array
     * of records in the answer (absent: the answer is one record), {@code id} the record's id within it.
     *
     * @param method  GET (default), POST or DELETE; POST and DELETE carry an {@code Idempotency-Key}
     * @param kind    what the records are called in the report (customer, charges, payment-methods)
     * @param next    how to ask for the next page, if the answer is paged
     * @param check   for erasure: a JSON pointer to a boolean that must be true ({@code /deleted})
     * @param body    for POST: a JSON body with the same placeholders, filled in JSON-escaped
     *                ({@code '{"email": "{email}"}'})
     */
    public record Call(String kind, String method, String url, String items, String id, Page next, String check,
            String body) {
    }

    /**
     * Paging: while {@code has-more} points at {@code true}, the next page is asked for with {@code param} set to
     * {@code cursor} (a JSON pointer into the answer, e.g. {@code /next_page}) or, when {@code cursor} is
     * {@code last-id}, to the id of the last record (Stripe's {@code starting_after}).
     */
    public record Page(String hasMore, String param, String cursor) {
    }
}
