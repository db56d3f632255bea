package io.dsrhub.reply.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes CSV rows (RFC 4180: comma, CRLF, fields with commas, quotes or line breaks in double quotes). */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void header(List<String> columns) throws IOException {
        line(columns);
    }

    void row(List<String> columns, JsonNode row) throws IOException {
        List<String> values = columns.stream().map(c -> value(row.get(c))).toList();
        line(values);
    }

    private void line(List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(values.get(i)));
        }
        out.write("\r\n");
    }

    static String value(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
