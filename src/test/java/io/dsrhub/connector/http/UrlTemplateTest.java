package io.dsrhub.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** URL templates fill placeholders URL-encoded, so an identity can never add a parameter or a path segment. */
class UrlTemplateTest {

    @Test
    void valuesAreEncodedSoTheyCannotChangeTheUrl() {
        UrlTemplate template = new UrlTemplate("/v1/customers/search?query=email%3A%27{email}%27");
        assertThat(template.names()).containsExactly("email");
        assertThat(template.fill(Map.of("email", "a+b&limit=1@x.example")))
                .isEqualTo("/v1/customers/search?query=email%3A%27a%2Bb%26limit%3D1%40x.example%27");
        assertThat(new UrlTemplate("/accounts/{id}").fill(Map.of("id", "../admin")))
                .isEqualTo("/accounts/..%2Fadmin");
    }

    @Test
    void jsonBodiesGetJsonEscapedValues() {
        assertThat(new UrlTemplate("{\"email\": \"{email}\"}").fillJson(Map.of("email", "a\"b\\c@x.example")))
                .isEqualTo("{\"email\": \"a\\\"b\\\\c@x.example\"}");
    }

    @Test
    void aMissingValueIsRefused() {
        assertThatThrownBy(() -> new UrlTemplate("/accounts/{id}").fill(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{id}");
    }

    @Test
    void theNextPageReplacesTheCursorParameter() {
        assertThat(UrlTemplate.withParam("/v1/charges?customer=c1&limit=100", "starting_after", "ch_2"))
                .isEqualTo("/v1/charges?customer=c1&limit=100&starting_after=ch_2");
        assertThat(UrlTemplate.withParam("/v1/charges?starting_after=ch_2&customer=c1", "starting_after", "ch_4"))
                .isEqualTo("/v1/charges?customer=c1&starting_after=ch_4");
        assertThat(UrlTemplate.withParam("/list", "page", "p 2")).isEqualTo("/list?page=p+2");
    }
}
