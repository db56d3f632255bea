package io.dsrhub.freetext;

import io.dsrhub.controller.IdentifierPattern;
import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identities a text offers: e-mail addresses, phone numbers, and the controller's own identifiers (by the
 * patterns of its file). A number counts as a phone number when it is written in international form, is a Chinese
 * mobile number, or follows a phone label of a language file ("Tel:", "手机", "puh."). Dates and values the
 * controller's patterns already took are not phone numbers.
 */
public final class IdentityFinder {

    static final int MAX_PER_TYPE = 5;

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.)+[A-Za-z]{2,24}(?![A-Za-z0-9])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(\\+|00)?\\(?\\d[\\d ().\\-/]{5,22}\\d(?![\\w])");
    private static final Pattern CHINESE_MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern DATE = Pattern.compile(
            "^(\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4})$");
    private static final Pattern HUB_MESSAGE_ID = Pattern.compile("^dsr\\.[0-9a-f-]{36}@.*");
    private static final Set<String> NOT_PEOPLE = Set.of("mailer-daemon", "postmaster", "noreply", "no-reply",
            "donotreply", "do-not-reply");
    private static final int LABEL_WINDOW = 24;

    private final PhraseBook book;

    public IdentityFinder(PhraseBook book) {
        this.book = book;
    }

    /**
     * @param ignoredAddresses addresses that are not the subject's (the controllers' own, the sender when the
     *                         sender is an agent), compared in lower case
     */
    public List<Identity> find(String rawText, List<IdentifierPattern> patterns, Collection<String> ignoredAddresses) {
        String text = Normalizer.normalize(rawText == null ? "" : rawText, Normalizer.Form.NFKC);
        Set<Identity> found = new LinkedHashSet<>();
        List<int[]> taken = new ArrayList<>();
        for (IdentifierPattern pattern : patterns) {
            Matcher m = pattern.compiled().matcher(text);
            boolean named = pattern.pattern().contains("(?<id>");
            int count = 0;
            while (m.find() && count < MAX_PER_TYPE) {
                int start = named ? m.start("id") : m.start();
                int end = named ? m.end("id") : m.end();
                if (start < 0) {
                    continue;
                }
                String value = text.substring(start, end);
                if (pattern.type().accepts(value)) {
                    found.add(Identity.raw(pattern.type(), value));
                    taken.add(new int[] {start, end});
                    count++;
                }
            }
        }
        Set<String> ignored = new LinkedHashSet<>();
        ignoredAddresses.forEach(a -> ignored.add(a.toLowerCase(Locale.ROOT)));
        Matcher email = EMAIL.matcher(text);
        int emails = 0;
        while (email.find() && emails < MAX_PER_TYPE) {
            String address = email.group().toLowerCase(Locale.ROOT);
            String local = address.substring(0, address.indexOf('@'));
            if (ignored.contains(address) || NOT_PEOPLE.contains(local) || HUB_MESSAGE_ID.matcher(address).matches()
                    || !IdentityType.EMAIL.accepts(address)) {
                continue;
            }
            taken.add(new int[] {email.start(), email.end()});
            if (found.add(Identity.raw(IdentityType.EMAIL, address))) {
                emails++;
            }
        }
        int phones = 0;
        for (Pattern candidate : List.of(CHINESE_MOBILE, PHONE)) {
            Matcher m = candidate.matcher(text);
            while (m.find() && phones < MAX_PER_TYPE) {
                if (overlaps(taken, m.start(), m.end())) {
                    continue;
                }
                String value = m.group().strip();
                if (!looksLikePhone(value, text, m.start(), candidate == CHINESE_MOBILE)) {
                    continue;
                }
                taken.add(new int[] {m.start(), m.end()});
                if (found.add(Identity.raw(IdentityType.PHONE, value))) {
                    phones++;
                }
            }
        }
        return List.copyOf(found);
    }

    private boolean looksLikePhone(String value, String text, int start, boolean chineseMobile) {
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.length() < 7 || digits.length() > 15 || DATE.matcher(value).matches()
                || !IdentityType.PHONE.accepts(value)) {
            return false;
        }
        if (chineseMobile || value.startsWith("+") || value.startsWith("00")) {
            return true;
        }
        MatchText before = MatchText.of(text.substring(Math.max(0, start - LABEL_WINDOW), start));
        return book.phoneLabels().stream().anyMatch(label -> label.foundIn(before));
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        for (int[] span : taken) {
            if (start < span[1] && end > span[0]) {
                return true;
            }
        }
        return false;
    }

    /** For tests and reports: identities by type code. */
    static Map<String, List<String>> byType(List<Identity> identities) {
        Map<String, List<String>> map = new java.util.TreeMap<>();
        for (Identity identity : identities) {
            map.computeIfAbsent(identity.type().code(), k -> new ArrayList<>()).add(identity.value());
        }
        return map;
    }
}
