package io.dsrhub.mailbox;

import io.dsrhub.controller.Controller;
import io.dsrhub.controller.ControllerCatalogue;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mailbox route per controller, made from the {@code mailbox} route template ({@code routes/mailbox.yaml}):
 * route id {@code mailbox-<controller id>}. Camel main finds this builder by package scanning and adds templated
 * routes after the YAML routes, so the template is there when they are made.
 */
public final class MailboxRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxRoutes.class);

    @Override
    public void configure() {
        ControllerCatalogue controllers = getContext().getRegistry().findSingleByType(ControllerCatalogue.class);
        MailboxSettings settings = getContext().getRegistry().lookupByNameAndType("mailboxSettings",
                MailboxSettings.class);
        List<String> without = new ArrayList<>();
        for (Controller controller : controllers.all()) {
            var access = settings.accessFor(controller);
            if (access.isEmpty()) {
                without.add(controller.id());
                continue;
            }
            MailboxAccess mailbox = access.get();
            getContext().getRegistry().bind(mailbox.credentialsBean(),
                    new MailboxCredentials(mailbox.username(), mailbox.password()));
            templatedRoute("mailbox")
                    .routeId("mailbox-" + controller.id())
                    .parameter("controller", controller.id())
                    .parameter("protocol", mailbox.protocol())
                    .parameter("host", mailbox.host())
                    .parameter("port", Integer.toString(mailbox.port()))
                    .parameter("folder", mailbox.folder())
                    .parameter("credentials", mailbox.credentialsBean());
            LOG.info("mailbox of {}: {}://{}:{}/{} ({})", controller.id(), mailbox.protocol(), mailbox.host(),
                    mailbox.port(), mailbox.folder(), mailbox.source());
        }
        if (!without.isEmpty()) {
            LOG.info("no mailbox configured for {}; mail intake is off for them (set mailbox.host in the controller "
                    + "file or DSR_MAILBOX_HOST)", without);
        }
    }
}
