package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.kunstloc.publieksdata.delivery.entity.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableTest {

    @ParameterizedTest
    @ValueSource(chars = {';', ',', '\t', '|'})
    void detectsEachDelimiterWithQuotedDelimitersAndNewlines(char delimiter) throws IOException {
        String d = String.valueOf(delimiter);
        String text = String.join(d, "Order", "Klant", "Prijs", "Titel") + "\r\n"
                + String.join(d, "1", "K1", "\"12,50\"", "\"A" + d + " B\"") + "\r\n"
                + String.join(d, "2", "K2", "\"7,00\"", "\"C\nD\"") + "\r\n";
        try (TableSource table = TableSource.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.csv")) {
            Dialect dialect = table.dialect().orElseThrow();
            assertThat(dialect.delimiter()).isEqualTo(delimiter);
            assertThat(dialect.lineEnding()).isEqualTo("CRLF");
            List<List<String>> rows = rows(table);
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1)).containsExactly("1", "K1", "12,50", "A" + d + " B");
            assertThat(rows.get(2)).containsExactly("2", "K2", "7,00", "C\nD");
        }
    }

    @Test
    void honoursExcelsSepLineAndNumbersRowsAsASpreadsheetDoes() throws IOException {
        String text = "sep=,\na,b\n1,2\n\n3,4\n";
        List<Long> lines = new ArrayList<>();
        try (TableSource table = TableSource.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.csv")) {
            assertThat(table.dialect().orElseThrow().delimiter()).isEqualTo(',');
            table.forEachRow((line, cells) -> lines.add(line));
        }
        assertThat(lines).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void readsUtf16FromExcelsUnicodeText() throws IOException {
        byte[] body = "Order\tPostcode\n1\t5038 AB\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        try (TableSource table = TableSource.open(new ByteArrayInputStream(bytes), "x.txt")) {
            assertThat(table.dialect().orElseThrow().charset()).isEqualTo(StandardCharsets.UTF_16LE);
            assertThat(rows(table).get(1)).containsExactly("1", "5038 AB");
        }
    }

    @Test
    void aCharacterCutByTheEndOfTheSampleIsNoReasonToSuspectWindows1252() {
        byte[] text = "Café".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(text, text.length - 1);
        assertThat(CsvTable.isUtf8(cut, true)).isTrue();
        assertThat(CsvTable.isUtf8(cut, false)).isFalse();
        assertThat(CsvTable.isUtf8("Café".getBytes(CsvTable.WINDOWS_1252), false)).isFalse();
    }

    @Test
    void recognisesLineEndings() {
        assertThat(CsvTable.lineEnding("a\r\nb\r\n")).isEqualTo("CRLF");
        assertThat(CsvTable.lineEnding("a\nb\n")).isEqualTo("LF");
        assertThat(CsvTable.lineEnding("a\rb\r")).isEqualTo("CR");
    }

    private static List<List<String>> rows(TableSource table) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        table.forEachRow((line, cells) -> rows.add(List.copyOf(cells)));
        return rows;
    }
}
