package io.dsrhub.testing;

import io.dsrhub.HubApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.Registry;

/**
 * One running hub: the real {@link HubApplication} main with its real configuration, routes and beans, pointed at
 * test servers through override properties. Several instances can run at once (against one database, to show
 * that the hub is safe to scale out). Only the outside edges are replaced: the database, the mail server, the
 * ports, the data directory and, where a test needs it, a bean such as the clock.
 */
public final class HubInstance implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

    private final Main main;
    private final int port;
    private final Path dataDir;

    private HubInstance(Main main, int port, Path dataDir) {
        this.main = main;
        this.port = port;
        this.dataDir = dataDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public <T> T bean(Class<T> type) {
        T found = context().getRegistry().findSingleByType(type);
        if (found == null) {
            throw new IllegalStateException("no single bean of type " + type.getName());
        }
        return found;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public HubHttp http() {
        return new HubHttp(baseUrl());
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the hub as an operator would (graceful shutdown). */
    @Override
    public void close() {
        main.stop();
    }

    /** How a test describes the hub it wants. */
    public static final class Builder {

        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, Object> beans = new LinkedHashMap<>();
        private TestDatabase database;
        private TestMailServer mail;
        private Path dataDir;

        public Builder database(TestDatabase database) {
            this.database = database;
            return this;
        }

        /** Sends the hub's outgoing mail to this server. */
        public Builder mail(TestMailServer mail) {
            this.mail = mail;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** Puts {@code bean} in the registry in place of the hub's own bean of that name. */
        public Builder bean(String name, Object bean) {
            beans.put(name, bean);
            return this;
        }

        public HubInstance start() {
            int port = FreePorts.next();
            Path dir;
            try {
                dir = dataDir != null ? dataDir : Files.createTempDirectory("dsr-hub-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Main main = new Main(HubApplication.class);
            Map<String, String> all = new LinkedHashMap<>();
            all.put("camel.main.name", "dsr-hub");
            all.put("camel.main.shutdown-timeout", "5");
            all.put("camel.server.host", "127.0.0.1");
            all.put("camel.server.port", Integer.toString(port));
            all.put("camel.management.port", Integer.toString(port));
            all.put("dsr.data-dir", dir.toString());
            all.put("dsr.public-base-url", "http://127.0.0.1:" + port);
            all.put("dsr.admin.token", ADMIN_TOKEN);
            all.put("dsr.security.token-secret", "test-token-secret-" + UUID.randomUUID());
            all.put("dsr.embedded.smtp-port", Integer.toString(FreePorts.next()));
            all.put("dsr.embedded.imap-port", Integer.toString(FreePorts.next()));
            all.put("dsr.embedded.s3-port", Integer.toString(FreePorts.next()));
            all.put("dsr.outbox.poll-delay", "100");
            all.put("dsr.outbox.first-retry", "PT0.5S");
            all.put("dsr.metrics.refresh-period", "300");
            if (database != null) {
                all.put("dsr.ledger.jdbc-url", database.url());
                all.put("dsr.ledger.username", database.username());
                all.put("dsr.ledger.password", database.password());
            }
            if (mail != null) {
                all.put("dsr.mail.smtp.host", "127.0.0.1");
                all.put("dsr.mail.smtp.port", Integer.toString(mail.smtpPort()));
                all.put("dsr.mail.smtp.starttls", "false");
            }
            all.putAll(properties);
            all.forEach(main::addOverrideProperty);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterConfigure(BaseMainSupport support) {
                    Registry registry = support.getCamelContext().getRegistry();
                    beans.forEach((name, bean) -> {
                        registry.unbind(name);
                        registry.bind(name, bean);
                    });
                }
            });
            try {
                main.start();
            } catch (Exception e) {
                main.stop();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            return new HubInstance(main, port, dir);
        }
    }
}
