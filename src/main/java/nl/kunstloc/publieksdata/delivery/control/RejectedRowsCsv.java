package nl.kunstloc.publieksdata.delivery.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ProblemCode;
import nl.kunstloc.publieksdata.delivery.entity.RejectedRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes rejected rows as a CSV the institution can open in Excel to fix its export: row number, problem
 * codes and the canonical values (never the customer id or a personal-data column).
 *
 * <p>Semicolon-separated with a UTF-8 BOM, because that is what Excel with Dutch settings opens
 * correctly by double-click. Every cell that a spreadsheet could run as a formula is prefixed with
 * {@code '} (OWASP "CSV injection"): the values come from customers' input.
 */
public final class RejectedRowsCsv implements RowSink, AutoCloseable {

    private static final List<CanonicalField> COLUMNS = List.of(CanonicalField.values()).stream()
            .filter(f -> f != CanonicalField.CUSTOMER_ID).toList();

    /**
     * Rows listed at most: the file is kept in memory and on the delivery, and a file with more broken
     * rows than this needs fixing at its source, not row by row (100,000 rows are about 15 MB).
     */
    public static final int MAX_ROWS = 100_000;
    /**
     * Characters of one value listed: a cell may hold up to the read limit (100,000 characters), and
     * 100,000 such rows would not fit in memory. A longer value ends in "…" and its length.
     */
    static final int MAX_VALUE_CHARS = 300;

    private final CSVPrinter printer;
    private final int maxRows;
    private long rows;

    public RejectedRowsCsv(Writer out) {
        this(out, MAX_ROWS);
    }

    RejectedRowsCsv(Writer out, int maxRows) {
        this.maxRows = maxRows;
        try {
            out.write('\uFEFF');
            List<String> header = new ArrayList<>(List.of("line", "problems"));
            COLUMNS.forEach(f -> header.add(f.name()));
            this.printer = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n")
                    .setHeader(header.toArray(String[]::new)).get().print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepted rows are not this file's business. */
    @Override
    public void accept(nl.kunstloc.publieksdata.delivery.entity.DeliveryRow row) {
    }

    @Override
    public void reject(RejectedRow row) {
        if (++rows > maxRows) {
            return;
        }
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(row.line()));
        cells.add(row.problems().stream().map(ProblemCode::name).collect(Collectors.joining(" ")));
        for (CanonicalField f : COLUMNS) {
            cells.add(neutralised(shortened(row.values().getOrDefault(f, ""))));
        }
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shortened(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value
                : value.substring(0, MAX_VALUE_CHARS) + "… (" + value.length() + " characters)";
    }

    /** {@code =1+1} becomes {@code '=1+1}; also for +, -, @, TAB and CR, which some spreadsheets evaluate too. */
    static String neutralised(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    @Override
    public void close() throws IOException {
        if (rows > maxRows) {
            // the last line says so, where a spreadsheet user looks when the list seems to stop
            printer.printRecord("...", "+" + (rows - maxRows) + " more rejected rows not listed");
        }
        printer.close(true);
    }
}
