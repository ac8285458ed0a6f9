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
import org.apache.poi.openxml4j.util.ZipSecureFile;
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
 *
 * <p>Zip bombs: POI's {@link ZipSecureFile} refuses an entry that inflates more than 100-fold (a real
 * sheet inflates 5- to 20-fold) or beyond {@link #MAX_ENTRY_BYTES}; a sheet of more rows than Excel
 * allows, a row of more cells, or a cell longer than the {@link ReadLimits} is refused while reading. Each
 * refusal is an {@link UnreadableExportException} naming the row.
 */
final class XlsxTable implements TableSource {

    /** Smallest compressed/uncompressed ratio accepted (POI's default, set here so that it is a decision). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** A sheet of a million rows of twenty cells is about 400 MB of XML; 1 GiB is far beyond any real export. */
    static final long MAX_ENTRY_BYTES = 1L << 30;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private final Path file;
    private final ReadLimits limits;

    private XlsxTable(Path file, ReadLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    static XlsxTable copyOf(InputStream in) throws IOException {
        return copyOf(in, ReadLimits.DEFAULT);
    }

    /** A workbook already on disk, without the check of its declared sizes: for a test of the check while reading. */
    static XlsxTable withoutDeclaredSizeCheck(Path file, ReadLimits limits) {
        return new XlsxTable(file, limits);
    }

    static XlsxTable copyOf(InputStream in, ReadLimits limits) throws IOException {
        Path file = Files.createTempFile("delivery-", ".xlsx");
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        try {
            refuseDeclaredBomb(file);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new XlsxTable(file, limits);
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
            ReadOnlySharedStringsTable strings = sharedStrings(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableExportException("delivery.upload.empty", "workbook without sheets");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new TextLimit(new XSSFSheetXMLHandler(styles, null, strings,
                        new Rows(visitor, limits), new PlainFormatter(), false), limits.maxFieldChars()));
                parser.parse(new InputSource(sheet));
            } catch (StopReading stop) {
                // the visitor has seen enough
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | IOException e) {
            if (e.getCause() instanceof StopReading || e instanceof SAXException && hasStop(e)) {
                return;
            }
            UnreadableExportException beyond = causeOfType(e, UnreadableExportException.class);
            if (beyond != null) {
                throw beyond;
            }
            if (isZipBomb(e)) {
                throw new UnreadableExportException("delivery.upload.xlsxBomb", "XLSX entry inflates beyond the limits", e);
            }
            if (e instanceof IOException io && !(e.getCause() instanceof SAXException)) {
                throw io;
            }
            throw new UnreadableExportException("delivery.upload.brokenXlsx", "not a readable XLSX workbook", e);
        } catch (org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.InvalidOperationException
                 | org.apache.poi.util.RecordFormatException e) {
            if (isZipBomb(e)) {
                throw new UnreadableExportException("delivery.upload.xlsxBomb", "XLSX entry inflates beyond the limits", e);
            }
            throw new UnreadableExportException("delivery.upload.brokenXlsx", "not a readable XLSX workbook", e);
        }
    }

    /**
     * The shared strings are held in memory while the sheet is read (that is how cells refer to them), so
     * their XML is read only up to {@link #MAX_SHARED_STRINGS_BYTES}: beyond it the workbook is refused
     * with advice to save it as CSV, instead of filling the heap.
     */
    static final long MAX_SHARED_STRINGS_BYTES = 64L << 20;

    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws IOException, SAXException {
        var parts = pkg.getPartsByContentType(org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(pkg, false);
        }
        try (InputStream in = new LimitedStream(parts.get(0).getInputStream(), MAX_SHARED_STRINGS_BYTES)) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    /** Stops reading a part past a number of bytes (as a refusal, not a silent cut). */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private final long max;
        private long read;

        LimitedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new UnreadableExportException("delivery.upload.xlsxTooBig", "shared strings beyond " + max + " bytes");
            }
        }
    }

    /**
     * Counts the characters of each text node before POI's handler collects them: a cell of a 2 GiB text
     * node would otherwise be built in memory before any check could see it.
     */
    private static final class TextLimit extends org.xml.sax.helpers.DefaultHandler {
        private final org.xml.sax.ContentHandler next;
        private final int max;
        private long text;
        private String cell;

        TextLimit(org.xml.sax.ContentHandler next, int max) {
            this.next = next;
            this.max = max;
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes)
                throws SAXException {
            text = 0;
            if ("c".equals(localName) || "c".equals(qName)) {
                cell = attributes.getValue("r");
            }
            next.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            text = 0;
            next.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            text += length;
            if (text > max) {
                CellReference where = cell == null ? null : new CellReference(cell);
                long row = where == null ? 0 : where.getRow() + 1L;
                int column = where == null ? 0 : where.getCol() + 1;
                throw new UnreadableExportException("delivery.upload.fieldTooLong", "cell " + cell + " longer than "
                        + max + " characters", null, row, column, max);
            }
            next.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            next.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void startDocument() throws SAXException {
            next.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            next.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            next.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            next.endPrefixMapping(prefix);
        }
    }

    /**
     * The sizes a workbook declares for its parts (the ZIP's central directory, read without inflating
     * anything): a part that says it inflates beyond the limits is refused at once, so that the upload,
     * whose preview reads only the first rows, already says so. A bomb that lies about its sizes is
     * caught while it is read ({@link ZipSecureFile}).
     */
    static void refuseDeclaredBomb(Path file) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size > MAX_ENTRY_BYTES || size > ZipSecureFile.getGraceEntrySize() && compressed >= 0
                        && (double) compressed / size < MIN_INFLATE_RATIO) {
                    throw new UnreadableExportException("delivery.upload.xlsxBomb", "part " + entry.getName()
                            + " declares " + size + " bytes from " + compressed);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new UnreadableExportException("delivery.upload.brokenXlsx", "not a readable ZIP", e);
        }
    }

    /** POI names a bomb only in its message ("Zip bomb detected!", "... exceeds the max entry size"). */
    static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("max entry size")
                    || message.contains("MaxEntrySize") || message.contains("exceeds the maximum"))) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
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
        private final ReadLimits limits;
        private final List<String> cells = new ArrayList<>();
        private long rows;
        private long row;
        private long chars;

        Rows(RowVisitor visitor, ReadLimits limits) {
            this.visitor = visitor;
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            chars = 0;
            row = rowNum + 1L;
            if (++rows > limits.maxRows() || row > limits.maxRows()) {
                throw new UnreadableExportException("delivery.upload.tooManyRows", "sheet beyond " + limits.maxRows()
                        + " rows", null, row, limits.maxRows());
            }
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
            if (column < 0 || column >= limits.maxColumns()) {
                throw new UnreadableExportException("delivery.upload.tooManyColumns", "row " + row + " has a cell beyond "
                        + limits.maxColumns() + " columns", null, row, limits.maxColumns());
            }
            String text = value == null ? "" : value;
            if (text.length() > limits.maxFieldChars()) {
                throw new UnreadableExportException("delivery.upload.fieldTooLong", "cell " + (column + 1) + " of row " + row
                        + " longer than " + limits.maxFieldChars() + " characters", null, row, column + 1, limits.maxFieldChars());
            }
            chars += text.length();
            if (chars > limits.maxRecordChars()) {
                throw new UnreadableExportException("delivery.upload.rowTooLong", "row " + row + " longer than "
                        + limits.maxRecordChars() + " characters", null, row, limits.maxRecordChars());
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(text);
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
