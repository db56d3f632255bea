package io.dsrhub.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A system's circuit opens when most of its recent tasks failed, and lets one trial task through later. */
class SystemCircuitsTest {

    private final SystemCircuits circuits = new SystemCircuits(4, 50, Duration.ofMillis(300));

    @Test
    void repeatedFailuresOpenTheCircuitOfThatSystemOnly() {
        // a window of 4 judges after 2 outcomes: two failures in a row open it
        for (int i = 0; i < 2; i++) {
            assertThat(circuits.admit("flaky")).isTrue();
            circuits.failed("flaky", Duration.ofMillis(5), new IllegalStateException("down"));
            assertThat(circuits.admit("steady")).isTrue();
            circuits.succeeded("steady", Duration.ofMillis(5));
        }
        assertThat(circuits.open()).containsExactly("flaky");
        assertThat(circuits.admit("flaky")).isFalse();
        assertThat(circuits.admit("steady")).isTrue();
    }

    @Test
    void anOpenCircuitLetsOneTrialTaskThroughAndClosesWhenItSucceeds() {
        for (int i = 0; i < 2; i++) {
            circuits.admit("flaky");
            circuits.failed("flaky", Duration.ofMillis(5), new IllegalStateException("down"));
        }
        assertThat(circuits.state("flaky")).isEqualTo(CircuitBreaker.State.OPEN);

        Awaitility.await().atMost(Duration.ofSeconds(3))
                .until(() -> circuits.state("flaky") == CircuitBreaker.State.HALF_OPEN);
        assertThat(circuits.open()).isEmpty();
        assertThat(circuits.admit("flaky")).isTrue();
        assertThat(circuits.admit("flaky")).isFalse();
        circuits.succeeded("flaky", Duration.ofMillis(5));
        assertThat(circuits.state("flaky")).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
