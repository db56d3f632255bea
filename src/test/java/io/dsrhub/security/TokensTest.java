package io.dsrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokensTest {

    private final StatusTokens tokens = new StatusTokens("a-token-secret-of-at-least-32-characters");

    @Test
    void aStatusTokenOpensOnlyItsOwnRequest() {
        String token = tokens.issue("request-1");
        assertThat(tokens.matches("request-1", token)).isTrue();
        assertThat(tokens.matches("request-2", token)).isFalse();
        assertThat(tokens.matches("request-1", token.substring(1))).isFalse();
        assertThat(tokens.matches("request-1", null)).isFalse();
    }

    @Test
    void anotherSecretGivesOtherTokens() {
        StatusTokens other = new StatusTokens("another-secret-of-at-least-32-characters");
        assertThat(other.matches("request-1", tokens.issue("request-1"))).isFalse();
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> new StatusTokens("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BearerToken("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBearerTokenAcceptsOnlyTheExactTokenAfterTheScheme() {
        BearerToken admin = new BearerToken("an-admin-token-of-24-chars-or-more");
        assertThat(admin.accepts("Bearer an-admin-token-of-24-chars-or-more")).isTrue();
        assertThat(admin.accepts("bearer an-admin-token-of-24-chars-or-more")).isTrue();
        assertThat(admin.accepts("Basic an-admin-token-of-24-chars-or-more")).isFalse();
        assertThat(admin.accepts("Bearer an-admin-token-of-24-chars-or-mor")).isFalse();
        assertThat(admin.accepts(null)).isFalse();
    }
}
