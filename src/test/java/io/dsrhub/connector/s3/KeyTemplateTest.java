package io.dsrhub.connector.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dsrhub.domain.Identity;
import io.dsrhub.domain.IdentityType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys are built from identities of a safe shape only, and templates that could reach other subjects are refused. */
class KeyTemplateTest {

    @Test
    void everyCombinationOfTheSubjectsIdentitiesGivesALocation() {
        KeyTemplate template = KeyTemplate.parse("videos/{account-id}/{device-serial}/", true);
        List<Identity> identities = List.of(Identity.raw(IdentityType.ACCOUNT_ID, "A1"),
                Identity.raw(IdentityType.ACCOUNT_ID, "A2"), Identity.raw(IdentityType.DEVICE_SERIAL, "CAM-9"),
                Identity.raw(IdentityType.EMAIL, "x@example.com"));

        assertThat(template.expand(identities)).containsExactly("videos/A1/CAM-9/", "videos/A2/CAM-9/");
    }

    @Test
    void unsafeValuesAreNeverUsed() {
        KeyTemplate template = KeyTemplate.parse("profiles/{account-id}.json", false);
        List<Identity> identities = List.of(new Identity(IdentityType.ACCOUNT_ID, "..", "raw"),
                new Identity(IdentityType.ACCOUNT_ID, "a/b", "raw"), new Identity(IdentityType.ACCOUNT_ID, "x*", "raw"),
                new Identity(IdentityType.ACCOUNT_ID, "e3b0c442", "sha256"),
                new Identity(IdentityType.ACCOUNT_ID, "ok-1", "raw"));

        assertThat(template.expand(identities)).containsExactly("profiles/ok-1.json");
        assertThat(KeyTemplate.parse("videos/{account-id}/", true).expand(List.of())).isEmpty();
    }

    @Test
    void templatesThatWouldMatchOtherSubjectsAreRefused() {
        assertThatThrownBy(() -> KeyTemplate.parse("videos/", true)).hasMessageContaining("every subject");
        assertThatThrownBy(() -> KeyTemplate.parse("videos/{account-id}", true)).hasMessageContaining("end with '/'");
        assertThatThrownBy(() -> KeyTemplate.parse("videos/{customer}/", true)).hasMessageContaining("not an identity");
        assertThatThrownBy(() -> KeyTemplate.parse("/videos/{account-id}/", true)).hasMessageContaining("leading");
    }
}
