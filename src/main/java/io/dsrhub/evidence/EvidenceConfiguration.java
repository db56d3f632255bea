package io.dsrhub.evidence;

import io.dsrhub.storage.HubBuckets;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** The evidence bucket and the inspection of untrusted archives. */
@Configuration
public class EvidenceConfiguration {

    @BindToRegistry(value = "archiveInspector", lazy = true)
    public ArchiveInspector archiveInspector(
            @PropertyInject("dsr.evidence.max-archive-entries") int maxEntries,
            @PropertyInject("dsr.evidence.max-archive-expanded-bytes") long maxExpandedBytes,
            @PropertyInject("dsr.evidence.max-archive-ratio") int maxRatio) {
        if (maxEntries < 1 || maxExpandedBytes < 1 || maxRatio < 1) {
            throw new IllegalArgumentException("config/application.properties: keys 'dsr.evidence.max-archive-*' "
                    + "must be positive numbers");
        }
        return new ArchiveInspector(maxEntries, maxExpandedBytes, maxRatio);
    }

    @BindToRegistry(value = "evidenceStore", lazy = true)
    public EvidenceStore evidenceStore(HubBuckets buckets, @PropertyInject("dsr.s3.evidence-bucket") String bucket) {
        return new EvidenceStore(buckets, bucket);
    }
}
