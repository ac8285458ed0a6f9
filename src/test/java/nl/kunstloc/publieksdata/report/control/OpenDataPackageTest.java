package nl.kunstloc.publieksdata.report.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Reference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The open export is a valid Frictionless Tabular Data Package: the descriptor passes the official profile
 * (JSON Schema, vendored in src/test/resources/frictionless), and every CSV reads back against its Table Schema
 * — the header is the schema's fields, every value is of its field's type or a declared missing value.
 */
class OpenDataPackageTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_descriptor_is_a_valid_tabular_data_package_and_every_csv_matches_its_schema() throws Exception {
        Map<String, byte[]> zip = export(true);
        JsonNode descriptor = JSON.readTree(zip.get("datapackage.json"));

        JsonSchema profile;
        try (InputStream in = getClass().getResourceAsStream("/frictionless/tabular-data-package.json")) {
            profile = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> errors = profile.validate(descriptor);
        assertThat(errors).as("descriptor against the Tabular Data Package profile").isEmpty();

        List<String> names = new ArrayList<>();
        for (JsonNode resource : descriptor.get("resources")) {
            String path = resource.get("path").asText();
            assertThat(zip).as("file of resource " + resource.get("name")).containsKey(path);
            readBackAgainstSchema(path, new String(zip.get(path), StandardCharsets.UTF_8), resource.get("schema"));
            names.add(resource.get("name").asText());
        }
        assertThat(names).contains("profile", "postcodes", "rows");
        assertThat(zip.keySet()).as("no file that the descriptor does not describe")
                .containsExactlyInAnyOrderElementsOf(concat(descriptor));
    }

    @Test
    void figures_are_the_page_cells_and_withheld_cells_are_missing_values_never_numbers() throws Exception {
        Map<String, byte[]> zip = export(true);
        ReportTables tables = new ReportTables(SampleFigures.figures(), Locale.ENGLISH);
        ReportTable postcodes = tables.postcodes();
        List<CSVRecord> records = csv(zip.get("postcodes.csv"));
        assertThat(records).hasSize(postcodes.rows().size() + (postcodes.total() == null ? 0 : 1) + 1);
        for (int r = 0; r < postcodes.rows().size(); r++) {
            for (int c = 0; c < postcodes.columns().size(); c++) {
                Cell cell = postcodes.rows().get(r).get(c);
                String value = records.get(r + 1).get(c);
                if (cell.suppressed()) {
                    assertThat(value).as("withheld cell of postcode row " + r).isIn("< 10", "x");
                } else if (cell.isNumeric()) {
                    assertThat(new BigDecimal(value)).as("postcode row " + r + " column " + c)
                            .isEqualByComparingTo(BigDecimal.valueOf(cell.number()));
                }
            }
        }
        String small = records.stream().filter(rec -> rec.get(0).equals(SampleFigures.SMALL)).findFirst().orElseThrow().get(2);
        assertThat(small).isEqualTo("< 10");
    }

    @Test
    void when_the_raw_rows_are_deleted_the_package_holds_the_aggregates_and_says_so() throws Exception {
        Map<String, byte[]> zip = export(false);
        JsonNode descriptor = JSON.readTree(zip.get("datapackage.json"));
        assertThat(zip).doesNotContainKey("rows.csv");
        assertThat(descriptor.get("description").asText()).contains("raw rows of these deliveries have been deleted");
        List<String> names = new ArrayList<>();
        descriptor.get("resources").forEach(r -> names.add(r.get("name").asText()));
        assertThat(names).contains("profile").doesNotContain("rows");
    }

    // ----- helpers

    private static Map<String, byte[]> export(boolean withRows) throws Exception {
        ReportTables tables = new ReportTables(SampleFigures.figures(), Locale.ENGLISH);
        OpenDataPackage.Rows rows = !withRows ? null : csv -> {
            csv.printRecord(1, 2, "ORD-1", "a1b2c3", "2026-03-01", "EV1", "Hamlet", "2026-03-14", "Grote zaal", "Toneel",
                    "Regulier", "24.50", 2, "online", "5038", "GM0855", "NL", false);
            csv.printRecord(1, 3, "=cmd|' /C calc'!A0", "d4e5f6", "2026-03-02", "", "", "", "", "", "", "", 1, "", "", "", "BE", true);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenDataPackage.write(ReportDownloadsTest.report(), tables, rows, Instant.parse("2026-07-01T10:00:00Z"), out);
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(tables.all(Reference.PROVINCE)).isNotEmpty();
        return files;
    }

    private static List<String> concat(JsonNode descriptor) {
        List<String> files = new ArrayList<>(List.of("datapackage.json"));
        descriptor.get("resources").forEach(r -> files.add(r.get("path").asText()));
        return files;
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8))).getRecords();
    }

    /** A small Table Schema reader: the header is the fields, each value casts to its type or is a missing value. */
    private static void readBackAgainstSchema(String path, String text, JsonNode schema) throws Exception {
        List<String> missing = new ArrayList<>();
        schema.get("missingValues").forEach(m -> missing.add(m.asText()));
        List<String> fields = new ArrayList<>();
        List<String> types = new ArrayList<>();
        schema.get("fields").forEach(f -> {
            fields.add(f.get("name").asText());
            types.add(f.get("type").asText());
        });
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(records).as(path + " has a header").isNotEmpty();
        assertThat(records.get(0).toList()).as("header of " + path).isEqualTo(fields);
        for (CSVRecord record : records.subList(1, records.size())) {
            assertThat(record.size()).as(path + " record " + record.getRecordNumber()).isEqualTo(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                String value = record.get(i);
                if (missing.contains(value)) {
                    continue;
                }
                String where = path + " record " + record.getRecordNumber() + " field " + fields.get(i) + " = '" + value + "'";
                switch (types.get(i)) {
                    case "integer" -> assertThat(value).as(where).matches("-?[0-9]+");
                    case "number" -> assertThat(value).as(where).matches("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?");
                    case "date" -> assertThat(LocalDate.parse(value)).as(where).isNotNull();
                    case "boolean" -> assertThat(value).as(where).isIn("true", "false");
                    case "string" -> {
                        if (fields.get(i).equals("pc4")) {
                            assertThat(value).as(where).matches("[0-9]{4}");
                        }
                    }
                    default -> throw new AssertionError("type " + types.get(i) + " of " + where + " is not one the export uses");
                }
            }
        }
    }
}
