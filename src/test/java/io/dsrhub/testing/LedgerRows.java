package io.dsrhub.testing;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads ledger rows straight from the database, the way an auditor would, to check what the hub wrote. */
public final class LedgerRows {

    private final JdbcClient jdbc;

    public LedgerRows(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object param : params) {
            spec = spec.param(param);
        }
        return spec.query().listOfRows();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
