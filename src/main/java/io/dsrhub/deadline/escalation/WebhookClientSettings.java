package io.dsrhub.deadline.escalation;

import java.util.concurrent.TimeUnit;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The HTTP client of the deadline webhook: no automatic retries (HttpClient would otherwise repeat a POST on a 503
 * by itself; retries and their back-off are the hub's, counted in the ledger), and a receiver that does not answer
 * within 30 seconds is a failed attempt.
 */
public final class WebhookClientSettings implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries();
        builder.setDefaultRequestConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(10, TimeUnit.SECONDS)
                .setResponseTimeout(30, TimeUnit.SECONDS)
                .build());
    }
}
