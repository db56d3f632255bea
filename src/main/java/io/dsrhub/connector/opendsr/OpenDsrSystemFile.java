package io.dsrhub.connector.opendsr;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A processor that speaks OpenDSR ({@code type: opendsr}) as written.
 *
 * @param apiUrl          the processor's OpenDSR base URL, starting with the major version
 *                        ({@code https://opendsr.processor.com/v1}); requests go to {@code <api-url>/requests}
 * @param processorDomain the domain the processor signs as ({@code X-OpenDSR-Processor-Domain}); callbacks from any
 *                        other domain are refused
 * @param certificate     the processor's certificate (PEM, or a path to a PEM file) whose key signs its answers
 * @param apiKey          sent as {@code Authorization: Bearer} (Basic with {@code api-user}) on calls (optional)
 * @param regulation      {@code gdpr} (default) or {@code ccpa}
 * @param identities      hub identity type to OpenDSR identity_type (default email→email,
 *                        customer-id→controller_customer_id)
 * @param pollEvery       how often the status is polled when no callback came (default PT6H)
 */
public record OpenDsrSystemFile(String id, String name, String type, Boolean demo, Integer maxConcurrency,
        java.util.List<io.dsrhub.fulfilment.DerivedIdentity> identitiesFrom,
        String processor, String apiUrl, String processorDomain, String certificate, String apiKey, String apiUser,
        String regulation, Map<String, String> identities, List<String> categories, Duration pollEvery,
        Duration timeout) {
}
