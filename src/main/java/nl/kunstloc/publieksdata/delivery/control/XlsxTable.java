package nl.kunstloc.publieksdata.delivery.control;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.ParserConfigurationException;
import nl.kunstloc.publieksdata.delivery.entity.Dialect;
import nl.kunstloc.publieksdata.delivery.entity.FileFormat;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, read with POI's SAX event API so that a sheet of a million rows
 * is never in memory. The upload is copied to a temporary file first: opening a package from a stream
 * would unpack all of it into memory.
 */
final class XlsxTable implements TableSource {

    private final Path file;

    private XlsxTable(Path file) {
        this.file = file;
    }

    static XlsxTable copyOf(InputStream in) throws IOException {
        Path file = Files.createTempFile("delivery-", ".xlsx");
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new XlsxTable(file);
    }

    @Override
    public FileFormat format() {
        return FileFormat.XLSX;
    }

    @Override
    public Optional<Dialect> dialect() {
        return Optional.empty();
    }

    @Override
    public void forEachRow(RowVisitor visitor) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableExportException("delivery.upload.empty", "workbook without sheets");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(visitor),
                        new PlainFormatter(), false));
                parser.parse(new InputSource(sheet));
            } catch (StopReading stop) {
                // the visitor has seen enough
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            if (e.getCause() instanceof StopReading || e instanceof SAXException && hasStop(e)) {
                return;
            }
            throw new UnreadableExportException("delivery.upload.brokenXlsx", "not a readable XLSX workbook", e);
        } catch (org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.InvalidOperationException e) {
            throw new UnreadableExportException("delivery.upload.brokenXlsx", "not a readable XLSX workbook", e);
        }
    }

    private static boolean hasStop(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StopReading) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Collects the cells of a row, filling the gaps SAX leaves for empty cells. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowVisitor visitor;
        private final List<String> cells = new ArrayList<>();

        Rows(RowVisitor visitor) {
            this.visitor = visitor;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (!visitor.row(rowNum + 1L, cells)) {
                throw new StopReading();
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }

    /**
     * Numbers as plain digits and dates as ISO text, whatever the cell's display format: a displayed
     * {@code 1.234,50} or {@code 3/1/24} depends on locale settings and would be misread later.
     */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dateTime = DateUtil.getLocalDateTime(value);
                return dateTime.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                        ? dateTime.toLocalDate().toString() : dateTime.toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Thrown from inside the SAX callbacks to stop parsing early (the only way out of a SAX parse). */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }
}
