package io.dsrhub.controller;

import io.dsrhub.domain.RequestType;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A brand or company whose requests the hub serves, as described by one {@code config/controllers/*.yaml} file.
 * The facts come from the controller's privacy policy ({@code policySource}).
 *
 * <p>{@code holidayCalendar}: the working calendar of the controller's seat ({@code FI}, {@code GB-SCT},
 * {@code US-CA}, {@code CN}, ...), used for business days of its promise and, where the regime covers it, of the
 * law's periods; null counts Monday to Friday.
 */
public record Controller(
        String id,
        String name,
        String legalName,
        String website,
        String policySource,
        ZoneId timeZone,
        List<String> languages,
        Contact contact,
        List<String> channels,
        List<String> jurisdictions,
        List<String> dataLocations,
        ResponsePromise promise,
        Set<RequestType> requestTypes,
        List<RetentionRule> retention,
        List<Processor> processors,
        List<String> refusalGrounds,
        Minors minors,
        String fees,
        String complaints,
        String backups,
        String holidayCalendar,
        Mailbox mailbox,
        List<IdentifierPattern> identifierPatterns,
        io.dsrhub.verification.VerificationPolicy verification) {

    public Controller {
        verification = verification == null ? io.dsrhub.verification.VerificationPolicy.defaults() : verification;
        mailbox = mailbox == null ? Mailbox.defaults() : mailbox;
        identifierPatterns = identifierPatterns == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(identifierPatterns));
    }

    /** The language used when the subject's own is not one the controller answers in. */
    public String defaultLanguage() {
        return languages.get(0);
    }

    public boolean speaks(String language) {
        return language != null && languages.contains(language);
    }

    public boolean honours(RequestType type) {
        return requestTypes.contains(type);
    }
}
