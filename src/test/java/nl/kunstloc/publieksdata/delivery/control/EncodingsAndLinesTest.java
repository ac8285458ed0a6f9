package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;
import nl.kunstloc.publieksdata.delivery.entity.FileFormat;
import nl.kunstloc.publieksdata.delivery.entity.RejectedRow;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: the encodings exports come in, and line numbers as a text editor shows them. */
class EncodingsAndLinesTest {

    static final PostcodeDirectory DIRECTORY = PostcodeDirectory.load();
    static final String EXPORT = "Ordernummer\tKlantnummer\tBesteldatum\tVoorstelling\tAantal\tPostcode\r\n"
            + "O-1\tK1\t2024-03-01\tCafé Chantant – één avond\t2\t5038 AB\r\n"
            + "O-2\tK2\t2024-03-02\tDe Müllers\t1\t5611 AB\r\n";

    @TempDir
    Path folder;

    final List<DeliveryRow> accepted = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();

    /** Through the same path as an upload: held by HeldFiles (which refuses binaries), then read. */
    ValidationReport deliver(byte[] bytes, String name) throws IOException {
        HeldFiles files = new HeldFiles(folder, 10_000_000);
        HeldFiles.Received received = files.receive(new ByteArrayInputStream(bytes), name);
        assertThat(received.format()).isEqualTo(FileFormat.CSV);
        try (var in = files.open(received.path().toString())) {
            return new DeliveryReader(DIRECTORY).read(in, name, Optional.empty(), Optional.empty(),
                    Pseudonymiser.forInstitution(PseudonymiserTest.SECRET, "x"), RowSink.of(accepted::add, rejected::add));
        }
    }

    static byte[] bytes(byte[] bom, String text, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    void assertReadCorrectly(ValidationReport report) {
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(accepted).extracting(DeliveryRow::eventName).containsExactly("Café Chantant – één avond", "De Müllers");
    }

    @Test
    void excelsUnicodeTextUtf16LittleEndianWithBomAndTabs() throws IOException {
        ValidationReport report = deliver(bytes(new byte[]{(byte) 0xFF, (byte) 0xFE}, EXPORT, StandardCharsets.UTF_16LE), "export.txt");
        assertThat(report.dialect().orElseThrow().charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(report.dialect().orElseThrow().delimiterName()).isEqualTo("TAB");
        assertReadCorrectly(report);
    }

    @Test
    void utf16BigEndianWithBomAndUtf16WithoutBom() throws IOException {
        assertReadCorrectly(deliver(bytes(new byte[]{(byte) 0xFE, (byte) 0xFF}, EXPORT, StandardCharsets.UTF_16BE), "a.csv"));
        accepted.clear();
        ValidationReport report = deliver(bytes(new byte[0], EXPORT, StandardCharsets.UTF_16LE), "b.csv");
        assertThat(report.dialect().orElseThrow().charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertReadCorrectly(report);
    }

    @Test
    void utf8WithAndWithoutBomAndWindows1252() throws IOException {
        assertReadCorrectly(deliver(bytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, EXPORT, StandardCharsets.UTF_8), "a.csv"));
        accepted.clear();
        assertReadCorrectly(deliver(bytes(new byte[0], EXPORT, StandardCharsets.UTF_8), "b.csv"));
        accepted.clear();
        ValidationReport report = deliver(bytes(new byte[0], EXPORT, Charset.forName("windows-1252")), "c.csv");
        assertThat(report.dialect().orElseThrow().charset().name()).isEqualTo("windows-1252");
        assertReadCorrectly(report);
    }

    @Test
    void aWindows1252MonthPastedBelowAUtf8MonthBeyondTheSampleKeepsItsAccents() throws IOException {
        StringBuilder utf8Month = new StringBuilder("Ordernummer;Klantnummer;Besteldatum;Voorstelling;Aantal;Postcode\n");
        int i = 0;
        while (utf8Month.length() < CsvTable.SAMPLE_BYTES + 1000) {
            utf8Month.append("O-").append(i++).append(";K1;2024-03-01;Één avond;1;5038 AB\n");
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(utf8Month.toString().getBytes(StandardCharsets.UTF_8));
        file.writeBytes("O-X;K2;2024-04-01;Café Chantant;1;5038 AB\n".getBytes(Charset.forName("windows-1252")));

        ValidationReport report = deliver(file.toByteArray(), "pasted.csv");

        assertThat(report.dialect().orElseThrow().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(accepted.get(0).eventName()).isEqualTo("Één avond");
        assertThat(accepted.get(accepted.size() - 1).eventName()).isEqualTo("Café Chantant");
    }

    @Test
    void brokenUtf16IsRefusedNamingTheEncodingAndTheLine() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(bytes(new byte[]{(byte) 0xFF, (byte) 0xFE}, EXPORT, StandardCharsets.UTF_16LE));
        // a lone high surrogate: no UTF-16 writer produces it, a damaged file has it
        file.writeBytes(new byte[]{'O', 0, '-', 0, '3', 0, (byte) 0x00, (byte) 0xD8, 'x', 0, '\n', 0});

        UnreadableExportException refused = catchThrowableOfType(UnreadableExportException.class,
                () -> deliver(file.toByteArray(), "broken.txt"));

        assertThat(refused.messageKey()).isEqualTo("delivery.upload.encoding");
        assertThat(refused.arguments()).containsExactly(4L, "UTF-16LE");
    }

    @Test
    void lineNumbersArePhysicalLinesWhateverTheLineEnding() throws IOException {
        // CRLF inside a quoted cell, a lone CR as line end (old Mac exports), a blank line, Excel's sep= line
        String text = "sep=;\r\na;b\r\n1;\"x\r\ny\"\r\n2;z\r\r3;\"p\nq\nr\"\n\n4;w\n";
        List<Long> lines = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        try (TableSource table = TableSource.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.csv")) {
            table.forEachRow((line, cells) -> {
                lines.add(line);
                rows.add(List.copyOf(cells));
                return true;
            });
        }
        assertThat(lines).containsExactly(2L, 3L, 5L, 6L, 7L, 10L, 11L);
        assertThat(rows.get(2)).containsExactly("2", "z");
        assertThat(rows.get(1)).containsExactly("1", "x\r\ny");
        assertThat(rows.get(3)).containsExactly("");
        assertThat(rows.get(4)).containsExactly("3", "p\nq\nr");
        assertThat(rows.get(6)).containsExactly("4", "w");
    }

    @Test
    void theScannerReadsQuotesAsSpreadsheetsWriteThem() throws IOException {
        String text = "a,b,c\n\"he said \"\"hi\"\"\",mid\"quote,\"closed\"tail\n\"unclosed,x\n";
        List<List<String>> rows = new ArrayList<>();
        try (TableSource table = TableSource.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.csv")) {
            table.forEachRow((line, cells) -> rows.add(List.copyOf(cells)));
        }
        assertThat(rows.get(1)).containsExactly("he said \"hi\"", "mid\"quote", "closedtail");
        // a quote that never closes runs to the end of the file
        assertThat(rows.get(2)).containsExactly("unclosed,x\n");
    }
}
