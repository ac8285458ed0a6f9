package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The decoder agrees with Java's own, whatever the chunks the bytes arrive in. */
class ExportDecoderTest {

    static final String TEXT = "Ordernummer;Voorstelling\n" + "Café Chantant – één avond 😀 Müller; Ærø\n".repeat(4_000);

    /** Hands out 1 to 7 bytes at a time, so characters are cut at every possible place. */
    static InputStream trickling(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            int turn;

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + turn++ % 7));
            }
        };
    }

    static String readAll(Reader reader, int chunk) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[chunk];
        for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    @Test
    void utf8IsDecodedAsJavaDoesAcrossEveryBoundary() throws IOException {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[]{1, 2, 3, 5, 4096, 70_000}) {
            assertThat(readAll(new ExportDecoder(trickling(bytes), true), chunk)).isEqualTo(TEXT);
        }
        assertThat(readAll(new ExportDecoder(new ByteArrayInputStream(bytes), true), 65_536)).isEqualTo(TEXT);
    }

    @Test
    void windows1252IsDecodedAsJavaDoes() throws IOException {
        String text = TEXT.replace("😀 ", "").replace("–", "-") + "€ „quotes” • ™";
        Charset cp1252 = Charset.forName("windows-1252");
        byte[] bytes = text.getBytes(cp1252);
        assertThat(readAll(new ExportDecoder(trickling(bytes), false), 100)).isEqualTo(new String(bytes, cp1252));
    }

    @Test
    void bytesThatAreNoUtf8AreReadAsWindows1252() throws IOException {
        byte[] bytes = {'C', 'a', 'f', (byte) 0xE9, ' ', (byte) 0xC3, (byte) 0xA9, ' ', (byte) 0x80, ' ', (byte) 0xC3};
        assertThat(readAll(new ExportDecoder(new ByteArrayInputStream(bytes), true), 16)).isEqualTo("Café é € Ã");
    }
}
