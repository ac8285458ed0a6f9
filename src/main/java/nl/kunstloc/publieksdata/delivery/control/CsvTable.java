package nl.kunstloc.publieksdata.delivery.control;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.Dialect;
import nl.kunstloc.publieksdata.delivery.entity.FileFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A delimited text export. The dialect is detected from the first megabyte: encoding (BOM, else strict
 * UTF-8, else Windows-1252), delimiter, line ending, and Excel's {@code sep=;} first line.
 */
final class CsvTable implements TableSource {

    /**
     * How much is inspected. Big enough that a file whose accented names appear only after some rows is
     * still recognised as Windows-1252; an invalid byte after this point is read as U+FFFD.
     */
    static final int SAMPLE_BYTES = 1 << 20;
    private static final int SAMPLE_RECORDS = 50;
    private static final char[] DELIMITERS = {';', ',', '\t', '|'};
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final BufferedInputStream in;
    private final Dialect dialect;
    private final int bytesToSkip;
    private final boolean sepLine;
    private boolean consumed;

    private CsvTable(BufferedInputStream in, Dialect dialect, int bytesToSkip, boolean sepLine) {
        this.in = in;
        this.dialect = dialect;
        this.bytesToSkip = bytesToSkip;
        this.sepLine = sepLine;
    }

    static CsvTable sniff(BufferedInputStream in) throws IOException {
        in.mark(SAMPLE_BYTES + 1);
        byte[] sample = in.readNBytes(SAMPLE_BYTES);
        in.reset();
        boolean truncated = sample.length == SAMPLE_BYTES;

        Charset charset;
        int bom = 0;
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(sample, 0xFF, 0xFE)) {
            // Excel's "Unicode text" export
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(sample, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            charset = isUtf8(sample, truncated) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        String text = new String(sample, bom, sample.length - bom, charset);
        if (truncated && text.lastIndexOf('\n') > 0) {
            text = text.substring(0, text.lastIndexOf('\n') + 1);
        }
        boolean sepLine = false;
        char delimiter;
        if (text.regionMatches(true, 0, "sep=", 0, 4) && text.length() > 4) {
            delimiter = text.charAt(4);
            sepLine = true;
        } else {
            delimiter = bestDelimiter(text);
        }
        return new CsvTable(in, new Dialect(delimiter, charset, bom > 0, lineEnding(text)), bom, sepLine);
    }

    @Override
    public FileFormat format() {
        return FileFormat.CSV;
    }

    @Override
    public Optional<Dialect> dialect() {
        return Optional.of(dialect);
    }

    @Override
    public void forEachRow(RowVisitor visitor) throws IOException {
        if (consumed) {
            throw new IllegalStateException("a CSV stream can be read once");
        }
        consumed = true;
        in.skipNBytes(bytesToSkip);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, dialect.charset()));
        long offset = 0;
        if (sepLine) {
            reader.readLine();
            offset = 1;
        }
        try (CSVParser parser = format(dialect.delimiter()).parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (!visitor.row(offset + record.getRecordNumber(), record.toList())) {
                    return;
                }
            }
        } catch (UncheckedIOException e) {
            // with lenient EOF and trailing data allowed this should not happen; if it does, the rest is lost
            throw new UnreadableExportException("delivery.upload.brokenCsv", "CSV parser gave up", e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Lenient where exports are sloppy: a quote that never closes ends at the end of the file, text after a
     * closing quote is kept. Empty lines are kept so that row numbers match what a spreadsheet shows.
     */
    static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setIgnoreEmptyLines(false)
                .setLenientEof(true)
                .setTrailingData(true)
                .get();
    }

    /**
     * The delimiter that splits the sample into the most rows of one width, the header row included.
     * A semicolon file with decimal commas splits on commas too, but not consistently, and its header
     * has no commas: that is why the header's width weighs most.
     */
    static char bestDelimiter(String sample) {
        char best = ';';
        long bestScore = -1;
        for (char candidate : DELIMITERS) {
            long score = score(sample, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static long score(String sample, char delimiter) {
        Map<Integer, Integer> widths = new HashMap<>();
        int headerWidth = -1;
        int records = 0;
        try (CSVParser parser = format(delimiter).parse(new StringReader(sample))) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (headerWidth < 0) {
                    headerWidth = record.size();
                }
                widths.merge(record.size(), 1, Integer::sum);
                if (++records >= SAMPLE_RECORDS) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        int mode = widths.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(1);
        if (mode < 2) {
            return 0;
        }
        return (headerWidth == mode ? 1_000_000L : 0) + widths.get(mode) * 1_000L + mode;
    }

    /** Strict UTF-8, tolerating a character cut in half at the end of a truncated sample. */
    static boolean isUtf8(byte[] sample, boolean truncated) {
        int end = sample.length;
        // a character cut off by the end of the sample is up to three non-ASCII bytes: leave them out
        while (truncated && end > 0 && end > sample.length - 3 && (sample[end - 1] & 0x80) != 0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sample, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static String lineEnding(String sample) {
        int crlf = 0;
        int lf = 0;
        int cr = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c == '\r') {
                if (i + 1 < sample.length() && sample.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            } else if (c == '\n') {
                lf++;
            }
        }
        if (crlf >= lf && crlf >= cr && crlf > 0) {
            return "CRLF";
        }
        return cr > lf ? "CR" : "LF";
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
