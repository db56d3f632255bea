package io.dsrhub.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dsrhub.HubProfile;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger database: PostgreSQL when {@code dsr.ledger.jdbc-url} is set, otherwise (embedded profile) an H2 file
 * under the data directory in PostgreSQL mode. Flyway brings the schema up to date before anything uses it.
 */
@Configuration
public class LedgerConfiguration {

    /** Eager, so that an unreachable database or a failed migration stops the hub at start-up. */
    @BindToRegistry(value = "ledgerDataSource", destroyMethod = "close")
    public HikariDataSource ledgerDataSource(@PropertyInject("dsr.profile") String profileName,
            @PropertyInject("dsr.data-dir") String dataDir,
            @PropertyInject("dsr.ledger.jdbc-url") String url,
            @PropertyInject("dsr.ledger.username") String username,
            @PropertyInject("dsr.ledger.password") String password,
            @PropertyInject("dsr.ledger.pool-size") int poolSize) {
        HubProfile profile = new HubProfile(profileName, dataDir);
        HikariConfig config = new HikariConfig();
        if (profile.needsEmbedded("dsr.ledger.jdbc-url", "DSR_LEDGER_JDBC_URL", url)) {
            config.setJdbcUrl("jdbc:h2:file:" + profile.dataDir().toAbsolutePath().resolve("ledger")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            config.setUsername("sa");
        } else {
            config.setJdbcUrl(url);
            config.setUsername(username);
            config.setPassword(password);
        }
        config.setPoolName("ledger");
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    @BindToRegistry(value = "ledgerJdbc", lazy = true)
    public JdbcClient ledgerJdbc(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @BindToRegistry(value = "ledgerTransactions", lazy = true)
    public LedgerTransactions ledgerTransactions(DataSource dataSource) {
        return new LedgerTransactions(new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @BindToRegistry(value = "auditTrail", lazy = true)
    public AuditTrail auditTrail(JdbcClient jdbc, Clock clock) {
        return new AuditTrail(jdbc, clock);
    }

    @BindToRegistry(value = "requestLedger", lazy = true)
    public RequestLedger requestLedger(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        return new RequestLedger(jdbc, audit, clock);
    }

    @BindToRegistry(value = "taskLedger", lazy = true)
    public TaskLedger taskLedger(JdbcClient jdbc) {
        return new TaskLedger(jdbc);
    }
}
