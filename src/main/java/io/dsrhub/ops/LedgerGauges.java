package io.dsrhub.ops;

import io.dsrhub.domain.RequestStatus;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.outbox.DeliveryStatus;
import io.dsrhub.outbox.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ledger figures as Prometheus gauges: {@code dsr_requests{status=...}} and {@code dsr_outbox_messages{status=...}}.
 * The counts are read from the ledger by the {@code ledger-gauges} route on a timer, not on every scrape.
 */
public final class LedgerGauges {

    private final RequestLedger ledger;
    private final Outbox outbox;
    private final Map<RequestStatus, AtomicLong> requests = new EnumMap<>(RequestStatus.class);
    private final Map<DeliveryStatus, AtomicLong> messages = new EnumMap<>(DeliveryStatus.class);

    public LedgerGauges(RequestLedger ledger, Outbox outbox, MeterRegistry registry) {
        this.ledger = ledger;
        this.outbox = outbox;
        for (RequestStatus status : RequestStatus.values()) {
            AtomicLong value = new AtomicLong();
            requests.put(status, value);
            Gauge.builder("dsr.requests", value, AtomicLong::get).tag("status", status.name())
                    .description("subject requests in the ledger by status").register(registry);
        }
        for (DeliveryStatus status : DeliveryStatus.values()) {
            AtomicLong value = new AtomicLong();
            messages.put(status, value);
            Gauge.builder("dsr.outbox.messages", value, AtomicLong::get).tag("status", status.name())
                    .description("outbound messages by delivery status").register(registry);
        }
    }

    public void refresh() {
        ledger.countByStatus().forEach((status, count) -> requests.get(status).set(count));
        for (DeliveryStatus status : DeliveryStatus.values()) {
            messages.get(status).set(outbox.countByStatus(status));
        }
    }

    public long requests(RequestStatus status) {
        return requests.get(status).get();
    }
}
