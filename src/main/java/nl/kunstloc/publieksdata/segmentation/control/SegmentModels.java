package nl.kunstloc.publieksdata.segmentation.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import nl.kunstloc.publieksdata.platform.audit.AuditTrail;
import nl.kunstloc.publieksdata.platform.persistence.DatabaseMigration;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Source;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;
import nl.kunstloc.publieksdata.segmentation.entity.ModelKind;
import nl.kunstloc.publieksdata.segmentation.entity.ModelSummary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The administrator's segment models (the models page): list, import a new version (whole or not at all,
 * {@link ModelImport} checks it), retire a version, and choose the model new reports use. Each action is one
 * transaction with its audit line. A model file is CSV (comma or semicolon) or XLSX (its first sheet).
 */
@ApplicationScoped
@Transactional
public class SegmentModels {

    static final String AUDIT_TYPE = "segmentModel";

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    PostcodeDirectory directory;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** What an administrator asks to import. */
    public record ImportRequest(String code, String name, ModelKind kind, String licence, String sources) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ModelSummary> list() {
        try (Connection c = dataSource.getConnection()) {
            return ModelStore.list(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the segment models", e);
        }
    }

    /** The code new reports use: the chosen one, else the default model's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String codeForNewReports() {
        try (Connection c = dataSource.getConnection()) {
            return ModelStore.chosenCode(c).filter(code -> hasActive(c, code)).orElse(DefaultModel.CODE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the segment models", e);
        }
    }

    /** Checks and, when all is well, stores the model as the next version of its code. */
    public ModelImport.Result importModel(ImportRequest request, InputStream segments, String segmentsName,
                                          InputStream counts, String countsName, String by) {
        ModelImport.Result result;
        try {
            result = ModelImport.read(request.code(), request.name(), request.kind(), sources(request.sources()), request.licence(),
                    reader(segments, segmentsName), reader(counts, countsName), directory);
        } catch (IOException e) {
            return new ModelImport.Result(null, List.of(new ModelImport.Finding("segments", 0, "", ModelImport.Problem.UNREADABLE,
                    String.valueOf(e.getMessage()))), List.of());
        }
        if (!result.ok()) {
            return result;
        }
        try (Connection c = dataSource.getConnection()) {
            ModelData stored = ModelStore.save(c, result.model(), by, clock.instant());
            audit.record("segmentModel.imported", AUDIT_TYPE, stored.ref().id(), null, stored.ref().code() + " v"
                    + stored.ref().version() + ": " + stored.segments().size() + " segments, " + stored.pc4s().size() + " PC4s");
            return new ModelImport.Result(stored, List.of(), result.warnings());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the segment model", e);
        }
    }

    /** Retires a version: reports that used it keep it; new reports no longer can. */
    public boolean retire(long id, String by) {
        try (Connection c = dataSource.getConnection()) {
            boolean done = ModelStore.retire(c, id, by, clock.instant());
            if (done) {
                audit.record("segmentModel.retired", AUDIT_TYPE, id, null, "version " + id + " retired");
            }
            return done;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot retire the segment model", e);
        }
    }

    /** New reports use the newest active version of this code. */
    public void choose(String code, String by) {
        try (Connection c = dataSource.getConnection()) {
            if (!hasActive(c, code)) {
                throw new IllegalArgumentException("no active version of segment model " + code);
            }
            ModelStore.choose(c, code, by, clock.instant());
            audit.record("segmentModel.chosen", AUDIT_TYPE, code, null, "new reports use " + code);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot choose the segment model", e);
        }
    }

    private static boolean hasActive(Connection c, String code) {
        try {
            return ModelStore.current(c, code).isPresent();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "title; year; licence" per line. */
    static List<Source> sources(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            String[] parts = l.split(";", 3);
            Integer year = null;
            if (parts.length > 1) {
                try {
                    year = Integer.valueOf(parts[1].strip());
                } catch (NumberFormatException ignored) {
                    // no year given
                }
            }
            return new Source(parts[0].strip(), year == null ? 0 : year, parts.length > 2 ? parts[2].strip() : "");
        }).toList();
    }

    /** A CSV file as it is (UTF-8, a BOM skipped), or an XLSX file's first sheet as CSV text. */
    static Reader reader(InputStream in, String fileName) throws IOException {
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return new StringReader(firstSheetAsCsv(in));
        }
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] bom = new byte[3];
        int n = pushback.readNBytes(bom, 0, 3);
        if (!(n == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf)) {
            pushback.unread(bom, 0, n);
        }
        return new InputStreamReader(pushback, StandardCharsets.UTF_8);
    }

    static String firstSheetAsCsv(InputStream in) throws IOException {
        try (Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            StringWriter out = new StringWriter();
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
                int width = 0;
                for (Row row : sheet) {
                    width = Math.max(width, row.getLastCellNum());
                }
                for (Row row : sheet) {
                    String[] values = new String[width];
                    boolean any = false;
                    for (int i = 0; i < width; i++) {
                        Cell cell = row.getCell(i);
                        values[i] = cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                ? plain(cell.getNumericCellValue()) : format.formatCellValue(cell).strip();
                        any |= !values[i].isEmpty();
                    }
                    if (any) {
                        csv.printRecord((Object[]) values);
                    }
                }
            }
            return out.toString();
        } catch (org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw new IOException("not an Excel .xlsx file: " + e.getMessage(), e);
        }
    }

    private static String plain(double n) {
        return n == Math.rint(n) && Math.abs(n) < 1e15 ? String.valueOf((long) n) : String.valueOf(n);
    }
}
