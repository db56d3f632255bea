package io.dsrhub.reply;

import io.dsrhub.outbox.Outbox;
import io.dsrhub.security.StatusTokens;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** Templates, the acknowledgement and the clarification question. */
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

    @BindToRegistry(value = "clarifications", lazy = true)
    public Clarifications clarifications(Templates templates, Outbox outbox,
            @PropertyInject("dsr.public-base-url") String publicBaseUrl) {
        return new Clarifications(templates, outbox, publicBaseUrl);
    }
}
