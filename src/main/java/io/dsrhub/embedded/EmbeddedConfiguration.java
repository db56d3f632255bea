package io.dsrhub.embedded;

import io.dsrhub.HubProfile;
import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Starts the embedded mail server and S3 endpoint with the hub when, and only when, no SMTP host and no S3
 * endpoint are configured (embedded profile). They run as a Camel service, so they start before the routes and
 * stop after them.
 */
@Configuration
public class EmbeddedConfiguration implements CamelConfiguration {

    @PropertyInject("dsr.mail.smtp.host")
    private String smtpHost;
    @PropertyInject("dsr.s3.endpoint")
    private String s3Endpoint;
    @PropertyInject("dsr.embedded.bind-address")
    private String bindAddress;
    @PropertyInject("dsr.embedded.smtp-port")
    private int smtpPort;
    @PropertyInject("dsr.embedded.imap-port")
    private int imapPort;
    @PropertyInject("dsr.embedded.s3-port")
    private int s3Port;

    @Override
    public void configure(CamelContext context) throws Exception {
        context.addService(new EmbeddedServers(context), true, true);
    }

    /** The embedded servers the configuration asks for, decided when the hub starts. */
    private final class EmbeddedServers extends ServiceSupport {

        private final CamelContext context;
        private EmbeddedMailServer mail;
        private EmbeddedObjectStore objects;

        EmbeddedServers(CamelContext context) {
            this.context = context;
        }

        @Override
        protected void doStart() {
            HubProfile profile = context.getRegistry().findSingleByType(HubProfile.class);
            if (profile.needsEmbedded("dsr.mail.smtp.host", "DSR_SMTP_HOST", smtpHost)) {
                List<String> mailboxes = new ArrayList<>();
                for (Controller controller : context.getRegistry().findSingleByType(ControllerCatalogue.class).all()) {
                    mailboxes.add(controller.contact().email());
                }
                mail = new EmbeddedMailServer(bindAddress, smtpPort, imapPort, mailboxes);
                mail.start();
                context.getRegistry().bind("embeddedMailServer", mail);
            }
            if (profile.needsEmbedded("dsr.s3.endpoint", "DSR_S3_ENDPOINT", s3Endpoint)) {
                objects = new EmbeddedObjectStore(s3Port, profile.dataDir().resolve("s3"));
                objects.start();
                context.getRegistry().bind("embeddedObjectStore", objects);
            }
        }

        @Override
        protected void doStop() {
            if (mail != null) {
                mail.stop();
            }
            if (objects != null) {
                objects.stop();
            }
        }
    }
}
