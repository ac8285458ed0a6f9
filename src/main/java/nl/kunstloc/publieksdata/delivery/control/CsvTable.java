package nl.kunstloc.publieksdata.delivery.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.Dialect;
import nl.kunstloc.publieksdata.delivery.entity.FileFormat;

/**
 * A delimited text export. The dialect is detected from the first megabyte: encoding (BOM; else UTF-16
 * by its zero bytes; else strict UTF-8; else Windows-1252), delimiter, line ending, and Excel's
 * {@code sep=;} first line. Rows are read by {@link CsvScanner} within the {@link ReadLimits}; the line
 * handed on is the physical line a row starts on.
 */
final class CsvTable implements TableSource {

    /**
     * How much is inspected. Big enough that a file whose accented names appear only after some rows is
     * still recognised as Windows-1252; an invalid UTF-8 byte after this point is read as Windows-1252.
     */
    static final int SAMPLE_BYTES = 1 << 20;
    private static final int SAMPLE_RECORDS = 50;
    private static final char[] DELIMITERS = {';', ',', '\t', '|'};
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final BufferedInputStream in;
    private final Dialect dialect;
    private final int bytesToSkip;
    private final boolean sepLine;
    private final ReadLimits limits;
    private boolean consumed;

    private CsvTable(BufferedInputStream in, Dialect dialect, int bytesToSkip, boolean sepLine, ReadLimits limits) {
        this.in = in;
        this.dialect = dialect;
        this.bytesToSkip = bytesToSkip;
        this.sepLine = sepLine;
        this.limits = limits;
    }

    static CsvTable sniff(BufferedInputStream in) throws IOException {
        return sniff(in, ReadLimits.DEFAULT);
    }

    static CsvTable sniff(BufferedInputStream in, ReadLimits limits) throws IOException {
        in.mark(SAMPLE_BYTES + 1);
        byte[] sample = in.readNBytes(SAMPLE_BYTES);
        in.reset();
        boolean truncated = sample.length == SAMPLE_BYTES;

        Charset charset;
        int bom = 0;
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(sample, 0xFF, 0xFE, 0x00, 0x00)) {
            charset = Charset.forName("UTF-32LE");
            bom = 4;
        } else if (startsWith(sample, 0x00, 0x00, 0xFE, 0xFF)) {
            charset = Charset.forName("UTF-32BE");
            bom = 4;
        } else if (startsWith(sample, 0xFF, 0xFE)) {
            // Excel's "Unicode text" export
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(sample, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            charset = utf16WithoutBom(sample).orElseGet(() -> isUtf8(sample, truncated) ? StandardCharsets.UTF_8 : WINDOWS_1252);
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
        return new CsvTable(in, new Dialect(delimiter, charset, bom > 0, lineEnding(text)), bom, sepLine, limits);
    }

    /**
     * UTF-16 without a byte order mark (some exporters write it): in text of Latin letters every other
     * byte is zero. Nine in ten pairs with one zero byte on the same side is no accident in any other
     * encoding, and a zero byte does not occur in a text file at all.
     */
    static Optional<Charset> utf16WithoutBom(byte[] sample) {
        int pairs = Math.min(sample.length, 4096) / 2;
        if (pairs < 2) {
            return Optional.empty();
        }
        int zeroHigh = 0;
        int zeroLow = 0;
        for (int i = 0; i < pairs; i++) {
            byte first = sample[2 * i];
            byte second = sample[2 * i + 1];
            if (second == 0 && first != 0) {
                zeroHigh++;
            } else if (first == 0 && second != 0) {
                zeroLow++;
            }
        }
        if (zeroHigh * 10 >= pairs * 9) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (zeroLow * 10 >= pairs * 9) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
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
        CsvScanner scanner = new CsvScanner(reader(), dialect.delimiter(), limits);
        try {
            if (sepLine) {
                scanner.skipLine();
            }
            if (ReadAhead.ENABLED) {
                ReadAhead.forEachRow(rows -> {
                    while (scanner.next()) {
                        try {
                            rows.row(scanner.line(), scanner.cellArray());
                        } catch (InterruptedException stopped) {
                            throw new ReadAhead.InterruptedRead();
                        }
                    }
                }, visitor);
                return;
            }
            while (scanner.next()) {
                if (!visitor.row(scanner.line(), scanner.cells())) {
                    return;
                }
            }
        } catch (CharacterCodingException e) {
            long line = scanner.line();
            throw new UnreadableExportException("delivery.upload.encoding", "not valid " + dialect.charset().name()
                    + " near line " + line, e, line, dialect.charset().name());
        }
    }

    /**
     * UTF-8 and Windows-1252 by the portal's own decoder (fast, and a stray Windows-1252 byte in a UTF-8
     * file is read as such); UTF-16 and UTF-32 strictly: a broken one cannot be guessed right.
     */
    private Reader reader() {
        Charset charset = dialect.charset();
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(WINDOWS_1252)) {
            return new ExportDecoder(in, charset.equals(StandardCharsets.UTF_8));
        }
        return new StrictReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith("\uFFFD")), charset.name());
    }

    /**
     * Refuses the first character the decoder could not read, naming its physical line. (A decoder that
     * reports errors itself does so for a block of 8 KB read ahead, so the line would be wrong.)
     */
    private static final class StrictReader extends java.io.FilterReader {
        private final String charset;
        private long line = 1;
        private boolean afterCr;

        StrictReader(Reader in, String charset) {
            super(in);
            this.charset = charset;
        }

        @Override
        public int read(char[] chars, int offset, int length) throws IOException {
            int n = super.read(chars, offset, length);
            for (int i = offset; i < offset + Math.max(n, 0); i++) {
                char c = chars[i];
                if (c == '\uFFFD') {
                    throw new UnreadableExportException("delivery.upload.encoding", "not valid " + charset
                            + " at line " + line, null, line, charset);
                }
                if (c == '\n') {
                    if (!afterCr) {
                        line++;
                    }
                } else if (c == '\r') {
                    line++;
                }
                afterCr = c == '\r';
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
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
        CsvScanner scanner = new CsvScanner(new StringReader(sample), delimiter, ReadLimits.DEFAULT);
        try {
            while (scanner.next()) {
                if (scanner.size() == 1 && scanner.cells().get(0).isBlank()) {
                    continue;
                }
                if (headerWidth < 0) {
                    headerWidth = scanner.size();
                }
                widths.merge(scanner.size(), 1, Integer::sum);
                if (++records >= SAMPLE_RECORDS) {
                    break;
                }
            }
        } catch (IOException e) {
            return 0;
        } catch (UnreadableExportException beyondLimits) {
            // a huge cell in the sample: judge by the rows before it
        }
        if (widths.isEmpty()) {
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
