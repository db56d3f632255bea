package io.dsrhub.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A target category covers itself and what lies below it, on whole dotted segments only. */
class DataCategoriesTest {

    @Test
    void aTargetCoversItsSubtreeOnly() {
        DataCategories contact = DataCategories.of("user.contact");

        assertThat(contact.covers("user.contact")).isTrue();
        assertThat(contact.covers("user.contact.email")).isTrue();
        assertThat(contact.covers("user.contact.address.city")).isTrue();
        assertThat(contact.covers("user.contacts")).isFalse();
        assertThat(contact.covers("user")).isFalse();
        assertThat(contact.coversAny(List.of("user.name", "user.contact.phone"))).isTrue();
        assertThat(DataCategories.of("user").covers("user.financial.card.number")).isTrue();
        assertThat(new DataCategories(List.of()).coversAny(List.of("user"))).isFalse();
    }

    @Test
    void categoriesAreLowerCaseDottedWords() {
        assertThat(DataCategories.isValid("user.contact.postal-code")).isTrue();
        assertThat(DataCategories.isValid("User.Email")).isFalse();
        assertThat(DataCategories.isValid("user..email")).isFalse();
        assertThat(DataCategories.isValid("user.")).isFalse();
    }
}
