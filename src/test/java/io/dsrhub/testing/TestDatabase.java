package io.dsrhub.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for one test class on a real server: an in-memory H2 database in PostgreSQL mode, or a
 * new database on the PostgreSQL server of this machine (127.0.0.1:5432, user postgres) that is dropped again on
 * {@link #close()}. Each test class gets its own, so test classes never see each other's rows.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRESQL }

    static final String PG_HOST = System.getProperty("dsr.test.pg.host", "127.0.0.1");
    static final String PG_PORT = System.getProperty("dsr.test.pg.port", "5432");
    static final String PG_USER = System.getProperty("dsr.test.pg.user", "postgres");

    private final Kind kind;
    private final String name;
    private final String url;

    private TestDatabase(Kind kind, String name, String url) {
        this.kind = kind;
        this.name = name;
        this.url = url;
    }

    public static TestDatabase create(Kind kind) {
        String name = "dsr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (kind == Kind.H2) {
            return new TestDatabase(kind, name, "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        RequiredServers.postgresql();
        try (Connection admin = DriverManager.getConnection(adminUrl(), PG_USER, "");
                Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on PostgreSQL", e);
        }
        return new TestDatabase(kind, name, "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name);
    }

    public static TestDatabase h2() {
        return create(Kind.H2);
    }

    public static TestDatabase postgresql() {
        return create(Kind.POSTGRESQL);
    }

    private static String adminUrl() {
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String username() {
        return kind == Kind.H2 ? "sa" : PG_USER;
    }

    public String password() {
        return "";
    }

    public DataSource dataSource() {
        if (kind == Kind.H2) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(url);
            ds.setUser("sa");
            return ds;
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(PG_USER);
        return ds;
    }

    @Override
    public void close() {
        if (kind == Kind.H2) {
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone
            }
            return;
        }
        try (Connection admin = DriverManager.getConnection(adminUrl(), PG_USER, "");
                Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
