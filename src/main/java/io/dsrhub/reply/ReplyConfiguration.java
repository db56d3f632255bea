package io.dsrhub.reply;

import io.dsrhub.outbox.Outbox;
import io.dsrhub.security.StatusTokens;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** Templates and the acknowledgement. */
@Configuration
public class ReplyConfiguration {

    @BindToRegistry(value = "templates", lazy = true)
    public Templates templates() {
        return new Templates();
    }

    @BindToRegistry(value = "acknowledgements", lazy = true)
    public Acknowledgements acknowledgements(Templates templates, Outbox outbox, StatusTokens tokens,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        return new Acknowledgements(templates, outbox, tokens, publicBaseUrl);
    }
}
