package nl.kunstloc.publieksdata.delivery.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files of issue 11 (findings 2 and 3), built as the reporter described them: for the unit tests and
 * for the integration test that posts them to the running portal.
 */
public final class HostileExports {

    public static final String HEADER = "Ordernummer;Klantnummer;Besteldatum;Voorstelling;Aantal;Postcode";

    private HostileExports() {
    }

    /** The valid 20-row export of the report: it validates in seconds. */
    public static String twentyRows() {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 1; i <= 20; i++) {
            csv.append("O-").append(i).append(';').append("K").append(i % 7).append(";2024-03-0").append(1 + i % 9)
                    .append(";Het lied van de zee;").append(1 + i % 3).append(";5038 AB\r\n");
        }
        return csv.toString();
    }

    /**
     * The same file with one more row whose quoted Voorstelling holds {@code chars} characters of free text
     * with a newline every 80 characters (a pasted remark), placed after the first {@code before} rows.
     */
    public static String withLongQuotedField(int chars, int before) {
        String[] lines = twentyRows().split("\r\n");
        StringBuilder csv = new StringBuilder(chars + 4096);
        for (int i = 0; i <= before; i++) {
            csv.append(lines[i]).append("\r\n");
        }
        csv.append("O-99;K9;2024-03-05;\"");
        for (int i = 0; i < chars; i++) {
            csv.append(i % 81 == 80 ? '\n' : (char) ('a' + i % 26));
        }
        csv.append("\";1;5038 AB\r\n");
        for (int i = before + 1; i < lines.length; i++) {
            csv.append(lines[i]).append("\r\n");
        }
        return csv.toString();
    }

    /** A header row, then one row with a cell of {@code cellBytes} bytes on one line, generated as it is read. */
    public static InputStream oneHugeCell(long cellBytes) {
        byte[] head = (HEADER + "\r\nO-1;K1;2024-03-01;").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ";1;5038 AB\r\n".getBytes(StandardCharsets.US_ASCII);
        long total = head.length + cellBytes + tail.length;
        return new InputStream() {
            long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - position);
                for (int i = 0; i < n; i++, position++) {
                    if (position < head.length) {
                        b[off + i] = head[(int) position];
                    } else if (position < head.length + cellBytes) {
                        b[off + i] = (byte) ('a' + position % 26);
                    } else {
                        b[off + i] = tail[(int) (position - head.length - cellBytes)];
                    }
                }
                return n;
            }
        };
    }

    /**
     * A valid workbook whose sheet XML, after a valid header row, inflates to {@code sheetBytes} of empty
     * rows: a zip bomb of a few hundred KB.
     */
    public static byte[] xlsxBomb(long sheetBytes) throws IOException {
        return xlsx(sheetBytes, null);
    }

    /** A valid workbook with a header row and one row whose event name is a text of {@code chars} varied characters. */
    public static byte[] xlsxWithLongCell(int chars) throws IOException {
        StringBuilder text = new StringBuilder(chars);
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < chars; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return xlsx(0, text.toString());
    }

    private static byte[] xlsx(long padding, String longCell) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"Export\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            sheet.append(row(1, HEADER.split(";")));
            sheet.append(row(2, "O-1", "K1", "2024-03-01", longCell == null ? "Het lied van de zee" : longCell, "1", "5038 AB"));
            zip.write(sheet.toString().getBytes(StandardCharsets.UTF_8));
            // empty rows without a number: what a bomb fills its gigabytes with
            byte[] empty = "<row></row>".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < padding; written += empty.length) {
                zip.write(empty);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String row(int number, String... cells) {
        StringBuilder row = new StringBuilder("<row r=\"").append(number).append("\">");
        for (int i = 0; i < cells.length; i++) {
            row.append("<c r=\"").append((char) ('A' + i)).append(number).append("\" t=\"inlineStr\"><is><t>")
                    .append(cells[i]).append("</t></is></c>");
        }
        return row.append("</row>").toString();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
