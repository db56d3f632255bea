package io.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.testing.HubExtension;
import io.dsrhub.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Operations see the hub's health (context, routes, consumers) and its ledger in Prometheus format. */
class HealthAndMetricsTest {

    @RegisterExtension
    static final HubExtension hub = HubExtension.on(TestDatabase.Kind.H2)
            .configure(b -> b.property("dsr.verification.challenge-new-requests", "false"));


    @Test
    void healthIsUpWithItsChecks() throws Exception {
        HttpResponse<String> health = hub.http().get("/observe/health");
        assertThat(health.statusCode()).isEqualTo(200);
        var body = new ObjectMapper().readTree(health.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(health.body()).contains("context").contains("route:deliver-outbox").contains("consumer:");
    }

    @Test
    void metricsCountRequestsByStatusAndRouteTraffic() {
        hub.http().postJson("/api/v1/requests", """
                {"controller": "ikotek", "types": ["access"], "identities": [{"type": "email", "value": "m@example.com"}]}""");
        Awaitility.await().untilAsserted(() -> assertThat(hub.http().get("/observe/metrics").body())
                .contains("dsr_requests{status=\"RECEIVED\"} 1.0")
                .contains("dsr_outbox_messages{status=\"SENT\"} 1.0"));
        assertThat(hub.http().get("/observe/metrics").body()).contains("camel_exchanges_total");
    }
}
