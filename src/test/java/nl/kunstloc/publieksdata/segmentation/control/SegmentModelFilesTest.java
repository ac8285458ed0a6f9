package nl.kunstloc.publieksdata.segmentation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.control.ModelImport.Result;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Source;
import nl.kunstloc.publieksdata.segmentation.entity.ModelKind;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A model delivered as Excel workbooks (the first sheet) reads as its CSV would; sources are typed one per line. */
class SegmentModelFilesTest {

    @Test
    void anXlsxModelReadsLikeItsCsv() throws IOException {
        byte[] segments = workbook(new Object[][] {
                {"code", "name_nl", "name_en", "description", "colour"},
                {"ALLES", "Culturele alleseters", "Cultural omnivores", "Gaan overal heen", "#1b9e77"},
                {"PROEF", "Proevende buitenwijkers", "Suburban samplers", null, "#d95f02"}});
        // 5611 has 8,235 inhabitants (CBS 2021): 5,000 + 3,235; numbers as numeric cells, one with decimals
        byte[] counts = workbook(new Object[][] {
                {"pc4", "ALLES", "PROEF", "total"},
                {5611, 5000, 3235, 8235},
                {"5612", 1200.5, 800.5, 2001}});

        Result r = ModelImport.read("cdm", "Culturele Doelgroepenmodel", ModelKind.PEOPLE, List.of(), "licentie",
                SegmentModels.reader(new ByteArrayInputStream(segments), "segmenten.xlsx"),
                SegmentModels.reader(new ByteArrayInputStream(counts), "aantallen.XLSX"), PostcodeDirectory.load());

        assertThat(r.problems()).isEmpty();
        assertThat(r.model().segments()).extracting(s -> s.code()).containsExactly("ALLES", "PROEF");
        assertThat(r.model().counts("5611")).containsExactly(5000.0, 3235.0);
        assertThat(r.model().counts("5612")).containsExactly(1200.5, 800.5);
    }

    @Test
    void aCsvWithAByteOrderMarkKeepsItsFirstColumnName() throws IOException {
        byte[] csv = ("\uFEFFcode,name_nl,name_en,description,colour\nA,Een,One,,#000000\n").getBytes(StandardCharsets.UTF_8);
        try (Reader r = SegmentModels.reader(new ByteArrayInputStream(csv), "segments.csv")) {
            char[] start = new char[4];
            assertThat(r.read(start)).isEqualTo(4);
            assertThat(new String(start)).isEqualTo("code");
        }
    }

    @Test
    void aFileThatIsNotAWorkbookIsAnError() {
        assertThatThrownBy(() -> SegmentModels.reader(new ByteArrayInputStream("pc4,A\n5611,1\n".getBytes(StandardCharsets.UTF_8)), "x.xlsx"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void sourcesAreTitleYearAndLicencePerLine() {
        assertThat(SegmentModels.sources("Whize 2025; 2025; licensed\n\n  CBS kerncijfers ;2023\nzonder jaar"))
                .containsExactly(new Source("Whize 2025", 2025, "licensed"), new Source("CBS kerncijfers", 2023, ""),
                        new Source("zonder jaar", 0, ""));
    }

    private static byte[] workbook(Object[][] rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("model");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
