package nl.kunstloc.publieksdata.delivery.control;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.Dialect;
import nl.kunstloc.publieksdata.delivery.entity.FileFormat;

/**
 * An export seen as a table, read one row at a time. The first row with content is the header.
 * Implementations never keep rows: each is handed to the visitor and forgotten.
 */
sealed interface TableSource extends Closeable permits CsvTable, XlsxTable {

    /** Receives rows in file order. */
    interface RowVisitor {
        /**
         * @param line  where the row starts: the physical line of a text file as an editor shows it (a quoted
         *              cell may span lines, so lines can be skipped between rows), the row number of a sheet
         * @param cells the cells, as text; only valid during the call
         * @return whether to continue with the next row
         */
        boolean row(long line, List<String> cells);
    }

    FileFormat format();

    /** The detected dialect; empty for XLSX. */
    Optional<Dialect> dialect();

    /** Reads from the start, handing every row to the visitor until it returns false or the rows run out. */
    void forEachRow(RowVisitor visitor) throws IOException;

    /**
     * Opens an export by its content (the file name only breaks ties): a ZIP is an XLSX workbook, an old
     * binary Excel file is refused with advice to save as XLSX or CSV, anything else is read as CSV.
     * The stream is consumed (CSV) or copied to a temporary file (XLSX) and must be read only once.
     */
    static TableSource open(InputStream in, String fileName) throws IOException {
        return open(in, fileName, ReadLimits.DEFAULT);
    }

    /** As {@link #open(InputStream, String)}, reading within the given limits. */
    static TableSource open(InputStream in, String fileName, ReadLimits limits) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(8);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            return XlsxTable.copyOf(buffered, limits);
        }
        if (magic.length == 4 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF || name.endsWith(".xls")) {
            throw new UnreadableExportException("delivery.upload.xlsUnsupported", "old binary Excel format");
        }
        if (magic.length == 0) {
            throw new UnreadableExportException("delivery.upload.empty", "empty file");
        }
        return CsvTable.sniff(buffered, limits);
    }
}
