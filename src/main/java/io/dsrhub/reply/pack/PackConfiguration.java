package io.dsrhub.reply.pack;

import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.ledger.AuditTrail;
import io.dsrhub.ledger.LedgerTransactions;
import io.dsrhub.ledger.RequestLedger;
import io.dsrhub.reply.Templates;
import io.dsrhub.security.StatusTokens;
import io.dsrhub.storage.ExportStore;
import io.dsrhub.storage.HubBuckets;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Data packages: the builder, the download links and the download endpoint. */
@Configuration
public class PackConfiguration {

    @BindToRegistry(value = "packageBuilder", lazy = true)
    public PackageBuilder packageBuilder(ExportStore exports, HubBuckets buckets, FulfilmentCatalogue catalogue,
            Templates templates, Clock clock) {
        return new PackageBuilder(exports, buckets, catalogue, templates, clock);
    }

    @BindToRegistry(value = "packageLinks", lazy = true)
    public PackageLinks packageLinks(JdbcClient jdbc, StatusTokens tokens, Clock clock,
            @PropertyInject("dsr.reply.package-link-days") int days,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        return new PackageLinks(jdbc, tokens, clock, days, publicBaseUrl);
    }

    @BindToRegistry(value = "packageDownloads", lazy = true)
    public PackageDownloads packageDownloads(PackageLinks links, HubBuckets buckets, RequestLedger requests,
            ControllerCatalogue controllers, Templates templates, AuditTrail audit, LedgerTransactions tx,
            Clock clock) {
        return new PackageDownloads(links, buckets, requests, controllers, templates, audit, tx, clock);
    }
}
