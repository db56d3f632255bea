package io.dsrhub.reply.pack;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsrhub.connector.jdbc.JdbcConnector;
import io.dsrhub.controller.Controller;
import io.dsrhub.domain.SubjectRequest;
import io.dsrhub.fulfilment.FulfilmentCatalogue;
import io.dsrhub.fulfilment.TargetSystem;
import io.dsrhub.reply.ReplyFacts;
import io.dsrhub.reply.ReplyFacts.ExportedObject;
import io.dsrhub.reply.Templates;
import io.dsrhub.storage.ExportStore;
import io.dsrhub.storage.HubBuckets;
import io.dsrhub.storage.StreamingUpload;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;

/**
 * Builds a subject's access and portability package from what the export tasks left in the export bucket, and
 * writes it there as one zip, streamed: every source object is read as a stream and every zip entry is written in
 * parts to the bucket ({@link StreamingUpload}), so a package of any size passes through a few buffers, never
 * whole in memory. The zip holds
 * <ul>
 *   <li>{@code data.json}: one machine-readable document, per system and per table (or bucket), with the data
 *   categories and their plain words;</li>
 *   <li>{@code csv/<system>/<table>.csv}: one CSV per dataset (a header line, then one line per row);</li>
 *   <li>{@code files/<system>/<region>/<key>}: the objects copied from buckets (videos, profiles);</li>
 *   <li>{@code summary.html}: a readable page saying what each category is and where it came from.</li>
 * </ul>
 * With a password the entries are encrypted (AES-256, readable with 7-Zip and most archive tools).
 */
public final class PackageBuilder {

    public static final String PACKAGE_NAME = "data-package.zip";
    static final String SUMMARY_TEMPLATE = "pack/summary.ftlh";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final ExportStore exports;
    private final HubBuckets buckets;
    private final FulfilmentCatalogue catalogue;
    private final Templates templates;
    private final Clock clock;

    /** Where the package was written. */
    public record BuiltPackage(String bucket, String key, long bytes, int datasets, int files) {
    }

    public PackageBuilder(ExportStore exports, HubBuckets buckets, FulfilmentCatalogue catalogue, Templates templates,
            Clock clock) {
        this.exports = exports;
        this.buckets = buckets;
        this.catalogue = catalogue;
        this.templates = templates;
        this.clock = clock;
    }

    public BuiltPackage build(SubjectRequest request, Controller controller, ReplyFacts facts, String language,
            char[] password) {
        String key = exports.keyOf(request.id(), "package", PACKAGE_NAME);
        StreamingUpload upload = exports.open(key, "application/zip");
        List<ExportedObject> documents = facts.exports().stream().filter(PackageBuilder::isDatabaseExport).toList();
        List<ExportedObject> files = facts.exports().stream().filter(o -> !isDatabaseExport(o)).toList();
        CategoryWords words = new CategoryWords(Templates.Messages.bundle(language));
        List<Map<String, Object>> datasets = new ArrayList<>();
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        try {
            // closed only on success: closing completes the upload, a failure aborts it below
            ZipOutputStream zip = password == null ? new ZipOutputStream(upload) : new ZipOutputStream(upload, password);
            writeDataJson(zip, password != null, request, controller, documents, files, words, sources);
            for (ExportedObject document : documents) {
                datasets.addAll(writeCsvs(zip, password != null, document));
            }
            for (ExportedObject file : files) {
                entry(zip, password != null, filePath(request, file));
                try (InputStream in = open(file)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            entry(zip, password != null, "summary.html");
            byte[] html = summary(request, controller, facts, language, datasets, files, words, sources)
                    .getBytes(StandardCharsets.UTF_8);
            zip.write(html);
            zip.closeEntry();
            zip.close();
        } catch (IOException | RuntimeException e) {
            upload.abort();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot build the data package of request " + request.id(), io);
            }
            throw (RuntimeException) e;
        }
        return new BuiltPackage(exports.bucket(), key, upload.size(), datasets.size(), files.size());
    }

    private static boolean isDatabaseExport(ExportedObject object) {
        return object.contentType() != null && object.contentType().startsWith("application/json")
                && object.key() != null && object.key().endsWith("/" + object.system() + ".json");
    }

    private void writeDataJson(ZipOutputStream zip, boolean encrypt, SubjectRequest request, Controller controller,
            List<ExportedObject> documents, List<ExportedObject> files, CategoryWords words,
            Map<String, Set<String>> sources) throws IOException {
        entry(zip, encrypt, "data.json");
        try (JsonGenerator out = FACTORY.createGenerator(unclosable(zip), JsonEncoding.UTF8)) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeStringField("controller", controller.legalName() != null ? controller.legalName()
                    : controller.name());
            out.writeStringField("contact", controller.contact().email());
            out.writeStringField("reference", request.reference());
            out.writeStringField("generatedAt", clock.instant().toString());
            out.writeArrayFieldStart("systems");
            for (ExportedObject document : documents) {
                try (InputStream in = open(document); JsonParser parser = FACTORY.createParser(in)) {
                    copySystem(parser, out, document.system(), words, sources);
                }
            }
            out.writeEndArray();
            out.writeArrayFieldStart("files");
            for (ExportedObject file : files) {
                out.writeStartObject();
                out.writeStringField("system", file.system());
                out.writeStringField("systemName", systemName(file.system()));
                out.writeStringField("path", filePath(request, file));
                out.writeNumberField("bytes", file.bytes());
                out.writeStringField("contentType", file.contentType());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        zip.closeEntry();
    }

    /** Copies one system's export, token by token, adding its name, category words and each table's categories. */
    private void copySystem(JsonParser parser, JsonGenerator out, String systemId, CategoryWords words,
            Map<String, Set<String>> sources) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("the export of " + systemId + " is not a JSON object");
        }
        out.writeStartObject();
        out.writeStringField("systemName", systemName(systemId));
        List<String> categories = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "request", "controller" -> parser.skipChildren();
                case "categories" -> {
                    JsonNode list = JSON.readTree(parser);
                    list.forEach(c -> categories.add(c.asText()));
                    out.writeFieldName("categories");
                    out.writeStartArray();
                    for (String category : categories) {
                        out.writeStartObject();
                        out.writeStringField("category", category);
                        out.writeStringField("description", words.describe(category));
                        out.writeEndObject();
                    }
                    out.writeEndArray();
                }
                case "tables" -> {
                    out.writeFieldName("tables");
                    out.writeStartArray();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        out.writeStartObject();
                        String table = null;
                        Set<String> exported = new HashSet<>();
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            out.writeFieldName(name);
                            parser.nextToken();
                            if ("table".equals(name)) {
                                table = parser.getText();
                            }
                            if ("columns".equals(name)) {
                                JsonNode columns = JSON.readTree(parser);
                                columns.forEach(c -> exported.add(c.asText().toLowerCase(Locale.ROOT)));
                                out.writeTree(columns);
                            } else {
                                out.copyCurrentStructure(parser);
                            }
                        }
                        Map<String, List<String>> byColumn = columnCategories(systemId, table);
                        byColumn.keySet().removeIf(c -> !exported.contains(c.toLowerCase(Locale.ROOT)));
                        Set<String> tableCategories = new LinkedHashSet<>();
                        byColumn.values().forEach(tableCategories::addAll);
                        if (tableCategories.isEmpty()) {
                            tableCategories.addAll(categories);
                        }
                        out.writeArrayFieldStart("categories");
                        for (String category : tableCategories) {
                            out.writeStartObject();
                            out.writeStringField("category", category);
                            out.writeStringField("description", words.describe(category));
                            out.writeEndObject();
                            sources.computeIfAbsent(category, c -> new LinkedHashSet<>())
                                    .add(systemName(systemId) + " / " + table);
                        }
                        out.writeEndArray();
                        out.writeObjectFieldStart("columnCategories");
                        for (Map.Entry<String, List<String>> column : byColumn.entrySet()) {
                            out.writeArrayFieldStart(column.getKey());
                            for (String category : column.getValue()) {
                                out.writeString(category);
                            }
                            out.writeEndArray();
                        }
                        out.writeEndObject();
                        out.writeEndObject();
                    }
                    out.writeEndArray();
                }
                default -> {
                    out.writeFieldName(field);
                    out.copyCurrentStructure(parser);
                }
            }
        }
        out.writeEndObject();
    }

    /** One CSV per table of a system's export, read row by row. */
    private List<Map<String, Object>> writeCsvs(ZipOutputStream zip, boolean encrypt, ExportedObject document)
            throws IOException {
        List<Map<String, Object>> written = new ArrayList<>();
        try (InputStream in = open(document); JsonParser parser = FACTORY.createParser(in)) {
            parser.setCodec(JSON);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the export of " + document.system() + " is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!"tables".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    written.add(writeTable(zip, encrypt, document.system(), parser));
                }
            }
        }
        return written;
    }

    private Map<String, Object> writeTable(ZipOutputStream zip, boolean encrypt, String system, JsonParser parser)
            throws IOException {
        String table = null;
        List<String> columns = new ArrayList<>();
        int rows = 0;
        Writer writer = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "table" -> table = parser.getText();
                case "columns" -> JSON.<JsonNode>readTree(parser).forEach(c -> columns.add(c.asText()));
                case "rows" -> {
                    if (table == null) {
                        throw new IOException("an export table of " + system + " has rows before its name");
                    }
                    entry(zip, encrypt, "csv/" + system + "/" + table + ".csv");
                    writer = new OutputStreamWriter(unclosable(zip), StandardCharsets.UTF_8);
                    CsvWriter csv = new CsvWriter(writer);
                    csv.header(columns);
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode row = JSON.readTree(parser);
                        csv.row(columns, row);
                        rows++;
                    }
                    writer.flush();
                    zip.closeEntry();
                }
                default -> parser.skipChildren();
            }
        }
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("system", system);
        dataset.put("systemName", systemName(system));
        dataset.put("table", table == null ? "" : table);
        dataset.put("columns", columns);
        dataset.put("rows", rows);
        dataset.put("csv", "csv/" + system + "/" + table + ".csv");
        return dataset;
    }

    private String summary(SubjectRequest request, Controller controller, ReplyFacts facts, String language,
            List<Map<String, Object>> datasets, List<ExportedObject> files, CategoryWords words,
            Map<String, Set<String>> sources) {
        Map<String, Object> model = new HashMap<>();
        model.put("controllerName", controller.legalName() != null ? controller.legalName() : controller.name());
        model.put("contactEmail", controller.contact().email());
        model.put("reference", request.reference());
        model.put("generatedOn", clock.instant().atZone(controller.timeZone()).toLocalDate().toString());
        model.put("datasets", datasets);
        List<Map<String, Object>> fileLines = new ArrayList<>();
        for (ExportedObject file : files) {
            fileLines.add(Map.of("systemName", systemName(file.system()), "path", filePath(request, file),
                    "bytes", file.bytes()));
        }
        model.put("files", fileLines);
        List<Map<String, Object>> categories = new ArrayList<>();
        sources.forEach((category, where) -> categories.add(Map.of("code", category,
                "words", words.describe(category), "sources", String.join(", ", where))));
        model.put("categories", categories);
        List<Map<String, Object>> systems = new ArrayList<>();
        for (ReplyFacts.SystemLine line : facts.systems()) {
            if (line.exported() > 0) {
                systems.add(Map.of("name", systemName(line.system()), "exported", line.exported()));
            }
        }
        model.put("systems", systems);
        return templates.render(SUMMARY_TEMPLATE, controller.id(), language, model);
    }

    /** The categories of each mapped column of a database system's table (from its data map), in column order. */
    private Map<String, List<String>> columnCategories(String systemId, String table) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        if (table == null) {
            return columns;
        }
        catalogue.system(systemId).map(TargetSystem::connector)
                .filter(JdbcConnector.class::isInstance).map(c -> ((JdbcConnector) c).dataMap())
                .flatMap(map -> map.tables().stream().filter(t -> t.name().equalsIgnoreCase(table)).findFirst())
                .ifPresent(t -> t.columns().stream().filter(c -> c.categories() != null && !c.categories().isEmpty())
                        .forEach(c -> columns.put(c.name(), c.categories())));
        return columns;
    }

    private String systemName(String systemId) {
        return catalogue.system(systemId).map(TargetSystem::name).filter(n -> n != null && !n.isBlank())
                .orElse(systemId);
    }

    /** {@code requests/<id>/<system>/<region>/<key>} becomes {@code files/<system>/<region>/<key>}. */
    private static String filePath(SubjectRequest request, ExportedObject file) {
        String prefix = "requests/" + request.id() + "/";
        String rest = file.key().startsWith(prefix) ? file.key().substring(prefix.length()) : file.key();
        return "files/" + rest.replace("..", "_");
    }

    private InputStream open(ExportedObject object) {
        String bucket = object.bucket() != null ? object.bucket() : exports.bucket();
        return buckets.client().getObject(b -> b.bucket(bucket).key(object.key()));
    }

    private static void entry(ZipOutputStream zip, boolean encrypt, String name) throws IOException {
        ZipParameters parameters = new ZipParameters();
        parameters.setFileNameInZip(name);
        parameters.setCompressionMethod(CompressionMethod.DEFLATE);
        if (encrypt) {
            parameters.setEncryptFiles(true);
            parameters.setEncryptionMethod(EncryptionMethod.AES);
            parameters.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
        }
        zip.putNextEntry(parameters);
    }

    /** The zip stays open when a writer or generator over one of its entries is closed. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
