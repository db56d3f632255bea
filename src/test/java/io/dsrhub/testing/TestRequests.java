package io.dsrhub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.domain.RequestStatus;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.ledger.TaskLedger;
import io.dsrhub.ledger.TaskRecord;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Requests the way a test needs them: submitted through the hub's API, then put into VERIFIED (as identity
 * verification will), and watched until they reach a status.
 */
public final class TestRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubInstance hub;

    public TestRequests(HubInstance hub) {
        this.hub = hub;
    }

    /** Submits a request through {@code POST /api/v1/requests}; returns its id. */
    public String submit(String json) {
        HttpResponse<String> response = hub.http().postJson("/api/v1/requests", json);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("submission refused: " + response.statusCode() + " " + response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.get("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Moves a request to VERIFIED, as identity verification does. Identity verification may be challenging the new
     * request at the same moment (RECEIVED to AWAITING_VERIFICATION): a move it raced is tried again.
     */
    public void verify(String requestId) {
        RequestLedger ledger = hub.bean(RequestLedger.class);
        for (int attempt = 1; ; attempt++) {
            try {
                hub.bean(LedgerTransactions.class).run(() ->
                        ledger.transition(requestId, RequestStatus.VERIFIED, "test", "identity verified by the test"));
                return;
            } catch (io.dsrhub.ledger.ConcurrentStatusChangeException raced) {
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }

    public String submitVerified(String json) {
        String id = submit(json);
        verify(id);
        return id;
    }

    public SubjectRequest request(String requestId) {
        return hub.bean(RequestLedger.class).find(requestId).orElseThrow();
    }

    public List<TaskRecord> tasks(String requestId) {
        return hub.bean(TaskLedger.class).forRequest(requestId);
    }

    public TaskRecord task(String requestId, String systemId, String action) {
        return tasks(requestId).stream().filter(t -> t.systemId().equals(systemId) && t.action().equals(action))
                .findFirst().orElseThrow(() -> new AssertionError("no task " + action + " on " + systemId));
    }

    /** Waits until the request is in one of the statuses. */
    public SubjectRequest awaitStatus(String requestId, Duration within, RequestStatus... statuses) {
        List<RequestStatus> wanted = Arrays.asList(statuses);
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100))
                .until(() -> wanted.contains(request(requestId).status()));
        return request(requestId);
    }

    public SubjectRequest awaitStatus(String requestId, RequestStatus... statuses) {
        return awaitStatus(requestId, Duration.ofSeconds(30), statuses);
    }
}
