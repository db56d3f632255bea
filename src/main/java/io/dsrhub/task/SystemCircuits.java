package io.dsrhub.task;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A circuit breaker per target system (Resilience4j), in this hub instance: when most recent tasks of a system
 * failed, its circuit opens and no task of it is claimed here until the circuit lets a trial task through. Tasks
 * wait in the ledger meanwhile (their attempts are not used up).
 */
public final class SystemCircuits {

    private final CircuitBreakerRegistry registry;

    public SystemCircuits(int window, float failureRate, Duration openFor) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(Math.min(window, Math.max(2, window / 2)))
                .failureRateThreshold(failureRate)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
    }

    private CircuitBreaker of(String system) {
        return registry.circuitBreaker(system);
    }

    /** Systems whose circuit is open (tasks are not even looked at). */
    public Set<String> open() {
        return registry.getAllCircuitBreakers().stream()
                .filter(c -> c.getState() == CircuitBreaker.State.OPEN)
                .map(CircuitBreaker::getName).collect(Collectors.toSet());
    }

    /** Whether a task of the system may run now; a half-open circuit admits one trial task. */
    public boolean admit(String system) {
        return of(system).tryAcquirePermission();
    }

    public void succeeded(String system, Duration took) {
        of(system).onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
    }

    public void failed(String system, Duration took, Throwable error) {
        of(system).onError(took.toNanos(), TimeUnit.NANOSECONDS, error);
    }

    /** A task that was admitted but did not run to an outcome (it was lost to another instance, or rejected). */
    public void released(String system) {
        of(system).releasePermission();
    }

    public CircuitBreaker.State state(String system) {
        return of(system).getState();
    }
}
