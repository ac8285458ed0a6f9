package nl.kunstloc.publieksdata.report.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import nl.kunstloc.publieksdata.report.entity.AudienceReport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The PDF and the Excel file show the same figures as the tables of the page. */
class ReportDownloadsTest {

    static final Locale NL = Locale.forLanguageTag("nl");

    static AudienceReport report() {
        return new AudienceReport(42L, "Muziekgebouw Eindhoven", 2, List.of(1L, 2L), "system", Instant.parse("2026-06-30T12:00:00Z"));
    }

    @Test
    void the_workbook_has_a_sheet_per_table_numbers_as_numbers_and_withheld_cells_as_text() throws Exception {
        ReportTables tables = new ReportTables(SampleFigures.figures(), NL);
        byte[] xlsx = ReportWorkbook.write(report(), tables, NL);

        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("profile")).isNotNull();
            Sheet postcodes = wb.getSheet("postcodes");
            Row small = null;
            for (Row row : postcodes) {
                if (row.getCell(0) != null && SampleFigures.SMALL.equals(row.getCell(0).getStringCellValue())) {
                    small = row;
                }
            }
            assertThat(small).isNotNull();
            assertThat(small.getCell(2).getStringCellValue()).isEqualTo("< 10");
            var rows = tables.postcodes().rows();
            int shown = 0;
            while (rows.get(shown).get(2).number() == null) {
                assertThat(postcodes.getRow(2 + shown).getCell(2).getStringCellValue()).isIn("< 10", "x");
                shown++;
            }
            Row first = postcodes.getRow(2 + shown);
            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(rows.get(shown).get(2).number());
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
                }
            }
            assertThat(wb.getSheetAt(0).getRow(3).getCell(1).getStringCellValue()).isEqualTo(tables.matchRate());
        }
    }

    @Test
    void the_pdf_shows_match_rate_period_and_the_figures_of_the_tables() throws Exception {
        ReportTables tables = new ReportTables(SampleFigures.figures(), NL);
        byte[] pdf = ReportPdf.render(report(), tables, NL, null);
        Path out = Path.of("target", "report-sample.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);

        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            assertThat(text).contains("Muziekgebouw Eindhoven", tables.matchRate(), tables.period(), "< 10");
            String eindhoven = tables.municipalities().rows().get(0).get(1).text();
            assertThat(text).contains(eindhoven);
        }
    }
}
