package io.dsrhub.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * The database servers of this machine that tests use. When one is not reachable a test is skipped, unless
 * databases are required ({@code -Ddsr.test.require-databases=true}, or the environment variable {@code CI=true}
 * that CI sets, or {@code DSR_TEST_REQUIRE_DATABASES=true}), in which case it fails: database tests never skip
 * silently on CI.
 */
public final class RequiredServers {

    private RequiredServers() {
    }

    public static void postgresql() {
        require("PostgreSQL", TestDatabase.PG_HOST, Integer.parseInt(TestDatabase.PG_PORT));
    }

    public static void mariadb() {
        require("MariaDB", System.getProperty("dsr.test.mariadb.host", "127.0.0.1"),
                Integer.parseInt(System.getProperty("dsr.test.mariadb.port", "3306")));
    }

    static boolean required() {
        return Boolean.getBoolean("dsr.test.require-databases")
                || "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("DSR_TEST_REQUIRE_DATABASES"));
    }

    private static void require(String name, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        } catch (IOException e) {
            String message = name + " is not reachable on " + host + ":" + port;
            if (required()) {
                throw new IllegalStateException(message + ", and database tests are required here", e);
            }
            Assumptions.abort(message + "; start it to run this test");
        }
    }
}
