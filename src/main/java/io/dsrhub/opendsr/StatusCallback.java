package io.dsrhub.opendsr;

/**
 * One status callback due to be sent: the caller's URL, the status to tell it, and the signed body.
 *
 * @param headerPrefix {@code X-OpenDSR-} (the names the spec prescribes; §10.1 obliges callers to accept them)
 */
public record StatusCallback(String requestId, String url, String status, String body, String signature,
        String processorDomain, String headerPrefix) {
}
