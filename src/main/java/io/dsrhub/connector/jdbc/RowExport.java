package io.dsrhub.connector.jdbc;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.dsrhub.connector.TaskReport;
import io.dsrhub.connector.TaskWork;
import io.dsrhub.storage.ExportStore;
import io.dsrhub.storage.StreamingUpload;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the targeted columns of a subject's rows to one JSON object in the hub's export bucket, table by table,
 * streaming rows from the database to the object store without holding them:
 * <pre>{"system": ..., "request": ..., "categories": [...], "tables": [{"table": "customer",
 *   "columns": ["email", "name"], "rows": [{"email": ..., "name": ...}]}]}</pre>
 */
final class RowExport {

    static final String CONTENT_TYPE = "application/json";
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final DataMap map;
    private final DatabaseSchema schema;
    private final ExportStore store;
    private final Clock clock;
    private final int chunk;

    RowExport(DataMap map, DatabaseSchema schema, ExportStore store, Clock clock, int chunk) {
        this.map = map;
        this.schema = schema;
        this.store = store;
        this.clock = clock;
        this.chunk = chunk;
    }

    /** The export of the rows found; nothing is written when no targeted row was found. */
    Result export(Connection connection, TaskWork work, SubjectRows rows) throws SQLException, IOException {
        List<DataMap.Table> tables = map.tables().stream()
                .filter(t -> rows.count(t) > 0 && !t.targeted(work.categories()).isEmpty()).toList();
        if (tables.isEmpty()) {
            return new Result(List.of(), null);
        }
        String key = store.keyOf(work.requestId(), work.systemId(), work.systemId() + ".json");
        StreamingUpload upload = store.open(key, CONTENT_TYPE);
        List<TaskReport.TableReport> reports = new ArrayList<>();
        try (JsonGenerator json = JSON.createGenerator(upload, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("system", work.systemId());
            json.writeStringField("controller", work.controllerId());
            json.writeStringField("request", work.requestId());
            json.writeStringField("exportedAt", clock.instant().toString());
            json.writeArrayFieldStart("categories");
            for (String category : work.categories().targets()) {
                json.writeString(category);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("tables");
            for (DataMap.Table table : tables) {
                List<String> columns = table.targeted(work.categories()).stream().map(DataMap.Column::name).toList();
                json.writeStartObject();
                json.writeStringField("table", table.name());
                json.writeArrayFieldStart("columns");
                for (String column : columns) {
                    json.writeString(column);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("rows");
                int written = writeRows(connection, json, table, columns, new ArrayList<>(rows.of(table).keys()));
                json.writeEndArray();
                json.writeEndObject();
                reports.add(new TaskReport.TableReport(table.name(), rows.count(table), written, 0, 0, 0, null,
                        columns));
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
        } catch (IOException | SQLException | RuntimeException e) {
            upload.abort();
            throw e;
        }
        upload.close();
        TaskReport.ExportedObject object = new TaskReport.ExportedObject(key, upload.size(), work.systemId(),
                CONTENT_TYPE);
        return new Result(reports, new TaskReport.ExportReport(store.bucket(), List.of(object), upload.size(), null));
    }

    private int writeRows(Connection connection, JsonGenerator json, DataMap.Table table, List<String> columns,
            List<List<Object>> keys) throws SQLException, IOException {
        KeyFilter filter = KeyFilter.of(schema, table);
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(schema.column(table, columns.get(i)));
        }
        select.append(" FROM ").append(schema.table(table).sqlName()).append(" WHERE ");
        int written = 0;
        for (int start = 0; start < keys.size(); start += chunk) {
            List<List<Object>> part = keys.subList(start, Math.min(keys.size(), start + chunk));
            try (PreparedStatement statement = connection.prepareStatement(select + filter.where(part.size()))) {
                filter.bind(statement, 1, part);
                statement.setFetchSize(chunk);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        json.writeStartObject();
                        for (int i = 0; i < columns.size(); i++) {
                            json.writeFieldName(columns.get(i));
                            writeValue(json, rs.getObject(i + 1));
                        }
                        json.writeEndObject();
                        written++;
                    }
                }
            }
        }
        return written;
    }

    static void writeValue(JsonGenerator json, Object value) throws IOException, SQLException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            json.writeNumber(number.doubleValue());
        } else if (value instanceof Timestamp timestamp) {
            json.writeString(timestamp.toLocalDateTime().toString());
        } else if (value instanceof Date date) {
            json.writeString(date.toLocalDate().toString());
        } else if (value instanceof Time time) {
            json.writeString(time.toLocalTime().toString());
        } else if (value instanceof byte[] bytes) {
            json.writeBinary(bytes);
        } else if (value instanceof Blob blob) {
            json.writeBinary(blob.getBinaryStream(), -1);
        } else if (value instanceof Clob clob) {
            json.writeString(clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length())));
        } else if (value instanceof Array array) {
            json.writeStartArray();
            for (Object element : (Object[]) array.getArray()) {
                writeValue(json, element);
            }
            json.writeEndArray();
        } else {
            json.writeString(value.toString());
        }
    }

    record Result(List<TaskReport.TableReport> tables, TaskReport.ExportReport export) {
    }
}
