package io.dsrhub.web;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Camel's HTTP header filter, except that the hub's own {@code Cache-Control} and {@code Pragma} reach the
 * client: pages and answers that carry status tokens or personal data are sent with {@code no-store}.
 */
public final class ResponseHeaderFilter extends HttpHeaderFilterStrategy {

    @Override
    protected void initialize() {
        super.initialize();
        getOutFilter().remove("cache-control");
        getOutFilter().remove("pragma");
    }
}
