package io.dsrhub.fulfilment;

import io.dsrhub.HubProfile;
import io.dsrhub.connector.jdbc.KeyedHash;
import io.dsrhub.controller.ControllerCatalogue;
import io.dsrhub.security.GeneratedSecrets;
import io.dsrhub.storage.ExportStore;
import io.dsrhub.storage.HubBuckets;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/**
 * The fulfilment catalogue (policies and target systems from {@code config/fulfilment}), the export store and the
 * erasure hash key; and the start-up step that checks every system against the live system before any task runs.
 */
@Configuration
public class FulfilmentConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        context.addService(new FulfilmentStartup(context), true, true);
    }

    @BindToRegistry(value = "fulfilmentCatalogue", lazy = true, destroyMethod = "close")
    public FulfilmentCatalogue fulfilmentCatalogue(CamelContext context, ControllerCatalogue controllers,
            HubProfile profile, Clock clock,
            @PropertyInject("dsr.fulfilment.dir") String directory,
            @PropertyInject("dsr.tasks.max-concurrency-per-system") int defaultConcurrency) {
        SystemContext systems = new SystemContext(clock,
                () -> context.getRegistry().lookupByNameAndType("exportStore", ExportStore.class),
                () -> context.getRegistry().lookupByNameAndType("keyedHash", KeyedHash.class),
                defaultConcurrency, context.getRegistry());
        FulfilmentFileReader reader = new FulfilmentFileReader(context::resolvePropertyPlaceholders);
        return new FulfilmentCatalogueLoader(reader, controllers, systems, profile.isProduction())
                .load(Path.of(directory));
    }

    @BindToRegistry(value = "exportStore", lazy = true)
    public ExportStore exportStore(HubBuckets buckets,
            @PropertyInject("dsr.s3.export-bucket") String bucket,
            @PropertyInject("dsr.fulfilment.export-part-size") int partSize) {
        return new ExportStore(buckets, bucket, partSize);
    }

    /** The key of keyed-hash erasures: from the environment; generated once in the embedded profile. */
    @BindToRegistry(value = "keyedHash", lazy = true)
    public KeyedHash keyedHash(HubProfile profile, GeneratedSecrets generated,
            @PropertyInject("dsr.fulfilment.hash-key") String key) {
        if (profile.needsEmbedded("dsr.fulfilment.hash-key", "DSR_ERASURE_HASH_KEY", key)) {
            return new KeyedHash(generated.getOrCreate("erasure-hash-key"));
        }
        if (key.length() < 16) {
            throw new IllegalStateException("config/application.properties: key 'dsr.fulfilment.hash-key' "
                    + "(DSR_ERASURE_HASH_KEY): expected at least 16 characters");
        }
        return new KeyedHash(key);
    }
}
