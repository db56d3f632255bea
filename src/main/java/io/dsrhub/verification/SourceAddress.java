package io.dsrhub.verification;

import io.vertx.core.net.SocketAddress;
import org.apache.camel.Exchange;

/** The address an HTTP request came from (the peer of the connection), for rate limits. */
final class SourceAddress {

    static final String HEADER = "CamelVertxPlatformHttpRemoteAddress";

    private SourceAddress() {
    }

    static String of(Exchange exchange) {
        Object remote = exchange.getIn().getHeader(HEADER);
        if (remote instanceof SocketAddress address) {
            return address.hostAddress();
        }
        return remote == null ? "unknown" : remote.toString().replaceFirst(":[0-9]+$", "");
    }
}
