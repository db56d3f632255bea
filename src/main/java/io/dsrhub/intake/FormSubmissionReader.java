package io.dsrhub.intake;

import io.dsrhub.controller.Controller;
import io.dsrhub.domain.Channel;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import io.dsrhub.domain.NewRequest;
import io.dsrhub.domain.RequestType;
import io.dsrhub.domain.Requester;
import io.dsrhub.domain.RequesterKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the request form's fields. For someone acting for themselves, {@code name} and {@code email} are the
 * subject's; for an agent or a parent/guardian ({@code acting_for}), they are the requester's and
 * {@code subject_name}/{@code subject_email} identify the subject. The optional identifiers ({@code phone},
 * {@code account_id}, {@code device_serial}, {@code order_number}) are always the subject's.
 */
public final class FormSubmissionReader {

    /** The hidden token that makes a resubmitted form the same request. */
    public static final Pattern FORM_TOKEN = Pattern.compile("^[A-Za-z0-9_-]{16,64}$");
    private static final String[][] OPTIONAL_IDENTITIES = {
            {"phone", "phone"}, {"account_id", "account-id"}, {"device_serial", "device-serial"},
            {"order_number", "order-number"}};

    /** Every field the form has. */
    public static final List<String> FIELDS = List.of("form_token", "lang", "types", "acting_for", "name", "email",
            "country", "subject_name", "subject_email", "phone", "account_id", "device_serial", "order_number",
            "details");

    private final SubmissionRules rules;

    public FormSubmissionReader(SubmissionRules rules) {
        this.rules = rules;
    }

    public NewRequest read(Controller controller, FormSubmission form, Instant receivedAt, FieldErrors errors) {
        String token = form.first("form_token");
        if (token == null || !FORM_TOKEN.matcher(token).matches()) {
            errors.add("form_token", "is missing or malformed; reload the form and submit it again");
        }
        Set<RequestType> types = EnumSet.noneOf(RequestType.class);
        for (String value : form.all("types")) {
            Optional<RequestType> type = RequestType.fromCode(value);
            if (type.isEmpty() || !controller.honours(type.get())) {
                errors.add("types", "contains a request type this form does not offer");
            } else {
                types.add(type.get());
            }
        }
        if (types.isEmpty() && !errors.has("types")) {
            errors.add("types", "choose at least one thing you want us to do");
        }
        RequesterKind kind = RequesterKind.fromCode(Optional.ofNullable(form.first("acting_for")).orElse("self"))
                .orElse(null);
        if (kind == null) {
            errors.add("acting_for", "must be self, agent or guardian");
            kind = RequesterKind.SUBJECT;
        }
        String name = rules.line("name", form.first("name"), SubmissionRules.MAX_NAME, true, errors);
        String email = rules.email("email", form.first("email"), true, errors);
        Set<Identity> identities = new LinkedHashSet<>();
        if (kind == RequesterKind.SUBJECT) {
            addIfPresent(identities, IdentityType.EMAIL, email);
            addIfPresent(identities, IdentityType.NAME, name);
        } else {
            String subjectName = rules.line("subject_name", form.first("subject_name"), SubmissionRules.MAX_NAME,
                    true, errors);
            String subjectEmail = rules.email("subject_email", form.first("subject_email"), true, errors);
            addIfPresent(identities, IdentityType.EMAIL, subjectEmail);
            addIfPresent(identities, IdentityType.NAME, subjectName);
        }
        for (String[] optional : OPTIONAL_IDENTITIES) {
            String value = form.first(optional[0]);
            if (value != null && !value.isBlank()) {
                FieldErrors local = new FieldErrors();
                rules.identity(optional[0], optional[1], value, local).ifPresent(identities::add);
                local.list().forEach(e -> errors.add(optional[0], e.message()));
            }
        }
        String country = rules.country("country", form.first("country"), errors);
        if (country == null && !errors.has("country")) {
            errors.add("country", "choose the country you live in");
        }
        String language = rules.language("lang", form.first("lang"), controller, errors);
        String details = rules.text("details", form.first("details"), SubmissionRules.MAX_DETAILS, errors);
        Requester requester = new Requester(kind, name, email);
        return new NewRequest(controller.id(), types, new ArrayList<>(identities), requester, country, country,
                language, details, Channel.WEB_FORM, "form:" + controller.id() + ":" + token, null, receivedAt);
    }

    private static void addIfPresent(Set<Identity> identities, IdentityType type, String value) {
        if (value != null) {
            identities.add(Identity.raw(type, value));
        }
    }

    public static List<String> optionalIdentityFields() {
        List<String> names = new ArrayList<>();
        for (String[] optional : OPTIONAL_IDENTITIES) {
            names.add(optional[0]);
        }
        return names;
    }
}
