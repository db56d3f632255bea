package io.dsrhub.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatusTransitionsTest {

    @Test
    void aNewRequestMovesTowardsVerification() {
        assertThat(StatusTransitions.isAllowed(RequestStatus.RECEIVED, RequestStatus.AWAITING_VERIFICATION)).isTrue();
        assertThat(StatusTransitions.isAllowed(RequestStatus.AWAITING_VERIFICATION, RequestStatus.VERIFIED)).isTrue();
        assertThat(StatusTransitions.isAllowed(RequestStatus.VERIFIED, RequestStatus.IN_PROGRESS)).isTrue();
        assertThat(StatusTransitions.isAllowed(RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED)).isTrue();
    }

    @Test
    void workCannotStartBeforeVerification() {
        assertThatThrownBy(() -> StatusTransitions.check(RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("a request in status RECEIVED cannot move to IN_PROGRESS");
        assertThat(StatusTransitions.isAllowed(RequestStatus.AWAITING_VERIFICATION, RequestStatus.COMPLETED)).isFalse();
    }

    @Test
    void closedRequestsNeverMoveAgain() {
        Arrays.stream(RequestStatus.values()).filter(RequestStatus::isClosed).forEach(closed ->
                assertThat(StatusTransitions.nextFrom(closed)).as(closed.name()).isEmpty());
        assertThatThrownBy(() -> StatusTransitions.check(RequestStatus.COMPLETED, RequestStatus.IN_PROGRESS))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void everyOpenStatusCanBeCancelledOrRejected() {
        Arrays.stream(RequestStatus.values()).filter(s -> !s.isClosed()).forEach(open -> {
            assertThat(StatusTransitions.isAllowed(open, RequestStatus.CANCELLED)).as(open.name()).isTrue();
            assertThat(StatusTransitions.isAllowed(open, RequestStatus.REJECTED)).as(open.name()).isTrue();
        });
    }
}
