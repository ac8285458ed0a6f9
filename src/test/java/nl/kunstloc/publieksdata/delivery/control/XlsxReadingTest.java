package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.DeliveryRow;
import nl.kunstloc.publieksdata.delivery.entity.FileFormat;
import nl.kunstloc.publieksdata.delivery.entity.Preview;
import nl.kunstloc.publieksdata.delivery.entity.SkipReason;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import nl.kunstloc.publieksdata.delivery.entity.ValidationReport;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReadingTest {

    @TempDir
    static Path dir;
    static Path workbook;

    final DeliveryReader reader = new DeliveryReader(PostcodeDirectory.load());
    final Pseudonymiser pseudonymiser = Pseudonymiser.forInstitution(PseudonymiserTest.SECRET, "museum-7");

    /** A workbook as a marketer would save it: real date cells, formatted prices, numeric ids, a total row. */
    @BeforeAll
    static void writeWorkbook() throws IOException {
        workbook = dir.resolve("export.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(workbook)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("d-m-yyyy"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("€ #,##0.00"));
            Sheet sheet = wb.createSheet("Export");
            String[] headers = {"Ordernummer", "Klantnummer", "E-mail", "Orderdatum", "Voorstelling", "Zaal",
                    "Bedrag", "Aantal kaarten", "Postcode", "Geboortedatum"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            for (int r = 1; r <= 30; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(1000 + r);
                row.createCell(1).setCellValue(r % 10);             // numeric customer ids: returning customers
                row.createCell(2).setCellValue("klant" + r + "@example.nl");
                var ordered = row.createCell(3);
                ordered.setCellValue(LocalDate.of(2024, 3, 1).plusDays(r));
                ordered.setCellStyle(date);
                row.createCell(4).setCellValue("Expositie Van Gogh");
                // column 5 (Zaal) left empty on purpose: SAX skips empty cells
                var price = row.createCell(6);
                price.setCellValue(1234.5);
                price.setCellStyle(money);
                row.createCell(7).setCellValue(r == 30 ? 0 : 2);
                if (r % 2 == 0) {
                    row.createCell(8).setCellValue(5038);           // a bare PC4 typed as a number
                } else {
                    row.createCell(8).setCellValue("5611 AB");
                }
                row.createCell(9).setCellValue("01-01-1970");
            }
            Row total = sheet.createRow(31);
            total.createCell(0).setCellValue("Totaal");
            total.createCell(7).setCellValue(58);
            wb.write(out);
            wb.dispose();
        }
    }

    @Test
    void readsAStreamedWorkbook() throws IOException {
        List<DeliveryRow> rows = new ArrayList<>();
        ValidationReport report;
        try (InputStream in = Files.newInputStream(workbook)) {
            report = reader.read(in, "export.xlsx", Optional.empty(), Optional.empty(), pseudonymiser, rows::add);
        }
        assertThat(report.format()).isEqualTo(FileFormat.XLSX);
        assertThat(report.dialect()).isEmpty();
        // its headers are plain Dutch/English names (assumed for this system): no proof of the system, so OTHER (issue 12)
        assertThat(report.proposal().system()).isEqualTo(TicketingSystem.OTHER);
        assertThat(report.proposal().personalColumns()).containsExactly("E-mail", "Geboortedatum");
        assertThat(report.rowsRead()).isEqualTo(31);
        // the last line has 0 tickets: a valid line, flagged and counted apart, not rejected
        assertThat(report.accepted()).isEqualTo(30);
        assertThat(report.rejected()).isZero();
        assertThat(report.problem(nl.kunstloc.publieksdata.delivery.entity.ProblemCode.ZERO_TICKETS).orElseThrow()
                .examples()).extracting(e -> e.line()).containsExactly(31L);
        assertThat(report.skippedRows().get(SkipReason.SUMMARY_ROW).lines()).containsExactly(32L);
        assertThat(report.reconciles()).isTrue();

        DeliveryRow first = rows.get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.orderId()).isEqualTo("1001");
        assertThat(first.orderDate()).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(first.price()).isEqualByComparingTo("1234.5");
        assertThat(first.venue()).isNull();
        assertThat(first.pc4()).isEqualTo("5611");
        assertThat(rows.get(1).pc4()).isEqualTo("5038");
        assertThat(rows.get(1).municipalityCode()).isEqualTo("GM0855");
        assertThat(rows.stream().map(DeliveryRow::customerPseudonym).distinct()).hasSize(10);
        assertThat(rows.toString() + report).doesNotContain("@example.nl", "1970");
        assertThat(Files.exists(workbook)).isTrue();
    }

    @Test
    void previewStopsEarly() throws IOException {
        Preview preview;
        try (InputStream in = Files.newInputStream(workbook)) {
            preview = reader.preview(in, "export.xlsx", 5, Optional.empty());
        }
        assertThat(preview.format()).isEqualTo(FileFormat.XLSX);
        assertThat(preview.rows()).hasSize(5);
        assertThat(preview.rows().get(0)).containsExactly("1001", "1", "", "2024-03-02", "Expositie Van Gogh", "",
                "1234.5", "2", "5611 AB", "");
    }
}
