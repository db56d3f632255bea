package io.dsrhub.freetext;

import static org.assertj.core.api.Assertions.assertThat;

import io.dsrhub.controller.IdentifierPattern;
import io.dsrhub.domain.IdentityType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The identities a text offers: addresses, phone numbers (only where the text says so), controller identifiers. */
class IdentityFinderTest {

    private static IdentityFinder finder;
    private static final List<IdentifierPattern> PATTERNS = List.of(
            new IdentifierPattern(IdentityType.ORDER_NUMBER, "(?i)order\\s*(?:number|no\\.?)?\\s*:?\\s*(?<id>[A-Z]{2}-\\d{6})"),
            new IdentifierPattern(IdentityType.DEVICE_SERIAL, "\\bSN[0-9]{8}\\b"));

    @BeforeAll
    static void load() {
        finder = new IdentityFinder(PhraseBook.load(Path.of("config/classification")));
    }

    private static List<String> find(String text, String... ignored) {
        return finder.find(text, PATTERNS, List.of(ignored)).stream()
                .map(i -> i.type().code() + "=" + i.value()).toList();
    }

    @Test
    void addressesAreFoundExceptTheIgnoredOnesAndMessageIds() {
        assertThat(find("Write to Jane.Roe@Example.COM or support@ironzon.com, ref <dsr.0b0e1c9e-3f5a-4c52-9a51-1d1c6c7f7a10@ironzon.com>",
                "support@ironzon.com")).containsExactly("email=jane.roe@example.com");
    }

    @Test
    void phoneNumbersNeedAnInternationalFormALabelOrTheChineseMobileShape() {
        assertThat(find("Call +44 20 7946 0958 please")).containsExactly("phone=+442079460958");
        assertThat(find("Tel: 040 123 4567")).containsExactly("phone=0401234567");
        assertThat(find("手机：13800138000")).containsExactly("phone=13800138000");
        assertThat(find("Puh. 040-765 4321")).containsExactly("phone=0407654321");
        assertThat(find("I bought 3 locks in 2023 for 1234567 reasons")).isEmpty();
        assertThat(find("phone, bought on 2024-01-05")).isEmpty();
    }

    @Test
    void controllerPatternsTakeTheirValuesBeforeAnyPhoneNumberDoes() {
        assertThat(find("My order number: IZ-123456, lock SN12345678, tel 040 123 4567"))
                .containsExactlyInAnyOrder("order-number=IZ-123456", "device-serial=SN12345678", "phone=0401234567");
    }

    @Test
    void atMostFiveOfEachTypeAreTaken() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            text.append("person").append(i).append("@example.com ");
        }
        assertThat(find(text.toString())).hasSize(5);
    }
}
