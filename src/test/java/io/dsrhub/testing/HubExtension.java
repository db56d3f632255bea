package io.dsrhub.testing;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One hub for a test class, on a fresh database and a fresh GreenMail, started before the first test and stopped
 * after the last:
 * <pre>
 * &#64;RegisterExtension
 * static final HubExtension hub = HubExtension.on(TestDatabase.Kind.POSTGRESQL)
 *         .configure(b -&gt; b.property("dsr.http.max-body-bytes", "4096"));
 * </pre>
 */
public final class HubExtension implements BeforeAllCallback, AfterAllCallback {

    private final TestDatabase.Kind kind;
    private BiConsumer<HubInstance.Builder, TestMailServer> customisation = (b, mail) -> { };
    private TestDatabase database;
    private TestMailServer mail;
    private HubInstance instance;
    private LedgerRows rows;

    private HubExtension(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    public static HubExtension on(TestDatabase.Kind kind) {
        return new HubExtension(kind);
    }

    /** Adds properties or beans to the hub this extension starts. */
    public HubExtension configure(Consumer<HubInstance.Builder> customisation) {
        this.customisation = (b, mail) -> customisation.accept(b);
        return this;
    }

    /** The same, for settings that need the test mail server (its IMAP port, its mailboxes). */
    public HubExtension configure(BiConsumer<HubInstance.Builder, TestMailServer> customisation) {
        this.customisation = customisation;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.create(kind);
        mail = new TestMailServer();
        HubInstance.Builder builder = HubInstance.builder().database(database).mail(mail);
        customisation.accept(builder, mail);
        instance = builder.start();
        rows = new LedgerRows(database.dataSource());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (instance != null) {
                instance.close();
            }
        } finally {
            mail.close();
            database.close();
        }
    }

    public HubInstance instance() {
        return instance;
    }

    public HubHttp http() {
        return instance.http();
    }

    public <T> T bean(Class<T> type) {
        return instance.bean(type);
    }

    public TestMailServer mail() {
        return mail;
    }

    public TestDatabase database() {
        return database;
    }

    public LedgerRows rows() {
        return rows;
    }
}
