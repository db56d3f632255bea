package io.dsrhub.connector.s3;

import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An object key or prefix with identity placeholders ({@code videos/{account-id}/}). Keys are only ever built from
 * identity values of a safe shape (letters, digits and {@code . _ @ + = -}, no slash, no {@code ..}), so a value
 * can never reach outside the subject's own location.
 */
public final class KeyTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");
    private static final Pattern SAFE_VALUE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@+=-]{0,127}$");

    private final String template;
    private final boolean prefix;
    private final List<IdentityType> identities;

    private KeyTemplate(String template, boolean prefix, List<IdentityType> identities) {
        this.template = template;
        this.prefix = prefix;
        this.identities = identities;
    }

    /**
     * @throws IllegalArgumentException with the reason when the template is not usable: no placeholder (it would
     *                                  match every subject), an unknown identity, or a prefix that does not end
     *                                  with '/' (it would also match other subjects' longer values)
     */
    public static KeyTemplate parse(String template, boolean prefix) {
        if (template == null || template.isBlank() || template.startsWith("/")) {
            throw new IllegalArgumentException("expected a key such as videos/{account-id}/ (no leading '/')");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        List<IdentityType> identities = new ArrayList<>();
        while (m.find()) {
            String code = m.group(1);
            identities.add(IdentityType.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                    "{" + code + "} is not an identity type; expected one of email, phone, account-id, "
                            + "customer-id, device-serial, order-number, device-id, advertising-id")));
        }
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("has no {identity} placeholder, so it would match every subject's "
                    + "objects");
        }
        if (template.replaceAll("\\{[a-z-]+}", "").matches(".*[{}].*")) {
            throw new IllegalArgumentException("has a stray '{' or '}'");
        }
        if (prefix && !template.endsWith("/")) {
            throw new IllegalArgumentException("a prefix must end with '/', or it would also match other subjects "
                    + "whose value starts the same way");
        }
        return new KeyTemplate(template, prefix, List.copyOf(identities));
    }

    public boolean isPrefix() {
        return prefix;
    }

    public String template() {
        return template;
    }

    public static boolean isSafe(String value) {
        return value != null && SAFE_VALUE.matcher(value).matches() && !value.contains("..");
    }

    /**
     * Every location the subject's identities give (all combinations when a template has several placeholders).
     * Identities of an unsafe shape are skipped; a template whose identity the request lacks gives none.
     */
    public List<String> expand(List<Identity> available) {
        List<String> results = new ArrayList<>(List.of(template));
        for (IdentityType type : identities.stream().distinct().toList()) {
            List<String> values = available.stream()
                    .filter(i -> i.type() == type && i.isRaw() && isSafe(i.value()))
                    .map(Identity::value).distinct().toList();
            List<String> next = new ArrayList<>();
            for (String partial : results) {
                for (String value : values) {
                    next.add(partial.replace("{" + type.code() + "}", value));
                }
            }
            results = next;
        }
        return results;
    }

    public Optional<IdentityType> firstIdentity() {
        return identities.stream().findFirst();
    }
}
