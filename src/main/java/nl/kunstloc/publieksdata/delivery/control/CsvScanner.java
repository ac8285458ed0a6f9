package nl.kunstloc.publieksdata.delivery.control;

import java.io.IOException;
import java.io.Reader;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A delimited-text scanner over a character buffer: one record at a time, cells copied once into a
 * reused buffer, no list or builder per record. It counts physical lines as a text editor does
 * ({@code \n}, {@code \r\n} and a lone {@code \r} each end one), so a record's {@link #line()} is where
 * it starts even when a quoted cell spans several lines, and it enforces {@link ReadLimits} while
 * reading: a 200 MB cell is refused after its first 100,000 characters, never held.
 *
 * <p>The same leniency as exports need (RFC 4180 with what spreadsheets and ticketing systems write):
 * a quote opens a quoted cell only at the start of a cell, {@code ""} inside is one quote, text after
 * the closing quote is kept, a quote that never closes ends at the end of the file, an empty line is a
 * record of one empty cell (so row numbers match what a spreadsheet shows).
 */
final class CsvScanner {

    private static final int EOF = -1;
    private static final int BUFFER = 1 << 16;

    private final Reader reader;
    private final char delimiter;
    private final ReadLimits limits;
    private final char[] buffer = new char[BUFFER];
    private int position;
    private int limit;

    private char[] record = new char[1024];
    private int length;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;

    /** The physical line the scanner is on (1 = first). */
    private long currentLine = 1;
    private long recordLine;
    private final Cells cells = new Cells();

    CsvScanner(Reader reader, char delimiter, ReadLimits limits) {
        this.reader = reader;
        this.delimiter = delimiter;
        this.limits = limits;
    }

    /** The physical line the current record starts on. */
    long line() {
        return recordLine;
    }

    /** The cells of the current record, valid until the next call of {@link #next()}. */
    List<String> cells() {
        return cells;
    }

    /** The cells of the current record as a new array of strings (for a reader on another thread). */
    String[] cellArray() {
        String[] array = new String[size];
        for (int i = 0; i < size; i++) {
            int from = starts[i];
            int to = ends[i];
            array[i] = from == to ? "" : new String(record, from, to - from);
        }
        return array;
    }

    int size() {
        return size;
    }

    /** Skips one physical line (Excel's {@code sep=;} line) without looking at quotes. */
    void skipLine() throws IOException {
        for (int c = read(); c != EOF; c = read()) {
            if (c == '\n') {
                currentLine++;
                return;
            }
            if (c == '\r') {
                currentLine++;
                if (peek() == '\n') {
                    position++;
                }
                return;
            }
        }
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the input
     * @throws UnreadableExportException when the record is beyond the read limits
     */
    boolean next() throws IOException {
        cells.forget();
        length = 0;
        size = 0;
        recordLine = currentLine;
        int c = read();
        if (c == EOF) {
            return false;
        }
        while (true) {
            int start = length;
            if (c == '"') {
                c = quoted(start);
            }
            // unquoted text, or what follows a closing quote
            while (c != EOF && c != delimiter && c != '\n' && c != '\r') {
                append((char) c, start);
                c = read();
            }
            endCell(start);
            if (c == delimiter) {
                c = read();
                continue;
            }
            if (c == '\r') {
                currentLine++;
                if (peek() == '\n') {
                    position++;
                }
            } else if (c == '\n') {
                currentLine++;
            }
            return true;
        }
    }

    /** Reads a quoted cell's content after its opening quote; returns the first character after the closing quote. */
    private int quoted(int start) throws IOException {
        while (true) {
            int c = read();
            if (c == EOF) {
                return EOF;
            }
            if (c == '"') {
                if (peek() == '"') {
                    position++;
                    append('"', start);
                    continue;
                }
                return read();
            }
            if (c == '\n') {
                currentLine++;
            } else if (c == '\r') {
                currentLine++;
                if (peek() == '\n') {
                    position++;
                    append('\r', start);
                    c = '\n';
                }
            }
            append((char) c, start);
        }
    }

    private void append(char c, int cellStart) {
        if (length == record.length) {
            grow(cellStart);
        }
        record[length++] = c;
    }

    private void grow(int cellStart) {
        if (length - cellStart >= limits.maxFieldChars()) {
            throw fieldTooLong();
        }
        if (length >= limits.maxRecordChars()) {
            throw rowTooLong();
        }
        // the record never holds more than maxRecordChars: a longer cell is refused at the next grow or at its end
        record = Arrays.copyOf(record, (int) Math.min(2L * record.length, limits.maxRecordChars()));
    }

    private UnreadableExportException rowTooLong() {
        return new UnreadableExportException("delivery.upload.rowTooLong",
                "row at line " + recordLine + " longer than " + limits.maxRecordChars() + " characters", null,
                recordLine, limits.maxRecordChars());
    }

    private UnreadableExportException fieldTooLong() {
        return new UnreadableExportException("delivery.upload.fieldTooLong",
                "cell " + (size + 1) + " of the row at line " + recordLine + " longer than " + limits.maxFieldChars()
                        + " characters", null, recordLine, size + 1, limits.maxFieldChars());
    }

    private void endCell(int start) {
        if (length - start > limits.maxFieldChars()) {
            throw fieldTooLong();
        }
        if (length > limits.maxRecordChars()) {
            throw rowTooLong();
        }
        if (size == limits.maxColumns()) {
            throw new UnreadableExportException("delivery.upload.tooManyColumns",
                    "row at line " + recordLine + " has more than " + limits.maxColumns() + " cells", null,
                    recordLine, limits.maxColumns());
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = length;
        size++;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n = reader.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = reader.read(buffer, 0, buffer.length);
        }
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** The current record as strings, each made once when first asked for. */
    private final class Cells extends AbstractList<String> implements RandomAccess {
        private String[] made = new String[64];

        void forget() {
            Arrays.fill(made, 0, Math.min(made.length, size), null);
        }

        @Override
        public String get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            if (index >= made.length) {
                made = Arrays.copyOf(made, Math.max(made.length * 2, index + 1));
            }
            String s = made[index];
            if (s == null) {
                int from = starts[index];
                int to = ends[index];
                s = from == to ? "" : new String(record, from, to - from);
                made[index] = s;
            }
            return s;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
