package io.dsrhub.opendsr;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The status callback URLs an OpenDSR caller gave with its request. */
public final class OpenDsrCallbacks {

    private final JdbcClient jdbc;

    public OpenDsrCallbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String requestId, List<String> urls) {
        for (String url : urls) {
            jdbc.sql("INSERT INTO opendsr_callback (request_id, url) VALUES (:id, :url)")
                    .param("id", requestId).param("url", url).update();
        }
    }

    public List<String> of(String requestId) {
        return jdbc.sql("SELECT url FROM opendsr_callback WHERE request_id = :id ORDER BY url")
                .param("id", requestId).query(String.class).list();
    }
}
