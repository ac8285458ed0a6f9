package nl.kunstloc.publieksdata.report.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Reference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The open export of a report: a Frictionless Tabular Data Package (https://specs.frictionlessdata.io/),
 * a zip with {@code datapackage.json} and one CSV per resource — the report's tables, exactly the cells of
 * the page after disclosure control (a withheld cell is "&lt; 10" or "x", declared as a missing value, so
 * it is never a number), and, while they exist, the institution's pseudonymised validated rows of the
 * deliveries the report covers. Field names are stable English identifiers; the titles are in English
 * too, so that a national tool reads every institution's package the same way. Format: docs/data-format.md.
 */
public final class OpenDataPackage {

    /** The profile the descriptor declares and the tests validate against. */
    public static final String PROFILE = "tabular-data-package";
    static final List<String> MISSING = List.of("", Cell.SUPPRESSED, "x");
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").build();

    /** The validated rows of the report's deliveries, written as {@link #ROW_FIELDS} in that order. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(CSVPrinter csv) throws IOException;
    }

    /** Field name and Table Schema type of the rows resource, in column order. */
    public static final Map<String, String> ROW_FIELDS = orderedFields(
            "delivery_id", "integer", "line_no", "integer", "order_id", "string", "customer_pseudonym", "string",
            "order_date", "date", "event_id", "string", "event_name", "string", "event_date", "date",
            "venue", "string", "genre", "string", "price_type", "string", "price", "number",
            "ticket_count", "integer", "sales_channel", "string", "pc4", "string", "municipality_code", "string",
            "country", "string", "outlier", "boolean");

    private OpenDataPackage() {
    }

    public static String fileName(AudienceReport report) {
        return "publieksdata-" + slug(report.getInstitutionName()) + "-v" + report.getReportVersion() + ".zip";
    }

    /**
     * Writes the zip to {@code out} (the response stream: rows are streamed, never held in memory).
     *
     * @param rows the validated rows, or null when they have been deleted (retention, withdrawal): aggregates only
     */
    public static void write(AudienceReport report, ReportTables tables, Rows rows, Instant now, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            List<Resource> resources = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (ReportTable table : tables.all(Reference.PROVINCE)) {
                String name = slug(table.id());
                if (!names.add(name)) {
                    continue;
                }
                resources.add(writeTable(zip, name, table));
            }
            boolean rowsKept = rows != null;
            if (rowsKept) {
                zip.putNextEntry(new ZipEntry("rows.csv"));
                CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8), CSV);
                csv.printRecord(ROW_FIELDS.keySet());
                rows.writeTo(csv);
                csv.flush();
                zip.closeEntry();
                resources.add(new Resource("rows", "rows.csv",
                        "Validated order lines of the deliveries " + report.getDeliveryIds()
                                + ", customer ids pseudonymised (HMAC per institution), postcodes reduced to PC4",
                        ROW_FIELDS, List.of("delivery_id", "line_no")));
            }
            zip.putNextEntry(new ZipEntry("datapackage.json"));
            zip.write(descriptor(report, tables, resources, rowsKept, now));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the open export", e);
        }
    }

    record Resource(String name, String path, String description, Map<String, String> fields, List<String> primaryKey) {
    }

    private static Resource writeTable(ZipOutputStream zip, String name, ReportTable table) throws IOException {
        List<String> fieldNames = fieldNames(table.columns());
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int c = 0; c < fieldNames.size(); c++) {
            fields.put(fieldNames.get(c), columnType(table, c));
        }
        zip.putNextEntry(new ZipEntry(name + ".csv"));
        CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8), CSV);
        csv.printRecord(fieldNames);
        for (List<Cell> cells : table.rows()) {
            csv.printRecord(values(cells));
        }
        if (table.total() != null) {
            csv.printRecord(values(table.total()));
        }
        csv.flush();
        zip.closeEntry();
        return new Resource(name, name + ".csv", table.title() + (table.note() == null ? "" : ". " + table.note()),
                fields, List.of());
    }

    /** A column is a number when every cell that is shown is one (withheld cells are missing values). */
    private static String columnType(ReportTable table, int c) {
        List<List<Cell>> all = new ArrayList<>(table.rows());
        if (table.total() != null) {
            all.add(table.total());
        }
        boolean anyNumber = false;
        for (List<Cell> row : all) {
            Cell cell = row.get(c);
            if (cell.isNumeric()) {
                anyNumber = true;
            } else if (!cell.suppressed() && !cell.text().isEmpty()) {
                return "string";
            }
        }
        return anyNumber ? "number" : "string";
    }

    private static List<String> values(List<Cell> cells) {
        List<String> values = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            if (cell.suppressed()) {
                values.add(cell.text()); // "< 10" or "x": a declared missing value
            } else if (cell.isNumeric()) {
                double n = cell.number();
                values.add(n == Math.rint(n) && Math.abs(n) < 1e15 ? String.valueOf((long) n) : String.valueOf(n));
            } else {
                values.add(cell.text());
            }
        }
        return values;
    }

    private static byte[] descriptor(AudienceReport report, ReportTables tables, List<Resource> resources, boolean rowsKept,
                                     Instant now) {
        JsonArrayBuilder res = Json.createArrayBuilder();
        for (Resource r : resources) {
            JsonArrayBuilder fields = Json.createArrayBuilder();
            r.fields().forEach((name, type) -> {
                JsonObjectBuilder f = Json.createObjectBuilder().add("name", name).add("type", type);
                if (type.equals("date")) {
                    f.add("format", "default");
                }
                if (name.equals("pc4")) {
                    f.add("constraints", Json.createObjectBuilder().add("pattern", "[0-9]{4}"));
                }
                fields.add(f);
            });
            JsonObjectBuilder schema = Json.createObjectBuilder().add("fields", fields)
                    .add("missingValues", Json.createArrayBuilder(MISSING));
            if (!r.primaryKey().isEmpty()) {
                schema.add("primaryKey", Json.createArrayBuilder(r.primaryKey()));
            }
            res.add(Json.createObjectBuilder().add("name", r.name()).add("path", r.path()).add("profile", "tabular-data-resource")
                    .add("format", "csv").add("mediatype", "text/csv").add("encoding", "utf-8")
                    .add("description", r.description()).add("schema", schema));
        }
        JsonObjectBuilder d = Json.createObjectBuilder()
                .add("profile", PROFILE)
                .add("name", "publieksdata-" + slug(report.getInstitutionName()) + "-v" + report.getReportVersion())
                .add("title", "Audience report of " + report.getInstitutionName() + ", version " + report.getReportVersion())
                .add("description", "Ken je publiek! (Kunstloc Brabant). Match rate " + tables.matchRate() + "; period "
                        + tables.period() + ". Cells under 10 people are withheld (\"< 10\"), and where one could be worked out "
                        + "from the totals a second cell is withheld (\"x\"): both are missing values, never numbers. "
                        + (rowsKept ? "The rows resource holds the pseudonymised validated order lines."
                        : "The raw rows of these deliveries have been deleted (retention period or withdrawal): aggregates only."))
                .add("version", String.valueOf(report.getReportVersion()))
                .add("created", now.toString())
                .add("keywords", Json.createArrayBuilder(List.of("audience", "segmentation", "culture", "Noord-Brabant")))
                .add("sources", Json.createArrayBuilder().add(Json.createObjectBuilder().add("title", tables.sources())))
                .add("resources", res);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonWriterFactory factory = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (JsonWriter w = factory.createWriter(bytes, StandardCharsets.UTF_8)) {
            w.writeObject(d.build());
        }
        return bytes.toByteArray();
    }

    /** Table Schema field names from the column headings: lower case, a-z0-9 and _, unique. */
    static List<String> fieldNames(List<String> columns) {
        Set<String> taken = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (String column : columns) {
            String base = column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("(^_|_$)", "");
            if (base.isEmpty()) {
                base = "column";
            }
            String name = base;
            for (int i = 2; !taken.add(name); i++) {
                name = base + "_" + i;
            }
            names.add(name);
        }
        return names;
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static Map<String, String> orderedFields(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The zip entry's stream, which the CSV writer must not close (the next entry follows). */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
