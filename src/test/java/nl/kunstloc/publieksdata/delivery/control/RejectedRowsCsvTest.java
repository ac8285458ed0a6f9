package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ProblemCode;
import nl.kunstloc.publieksdata.delivery.entity.RejectedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RejectedRowsCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+31", "-2", "@SUM(A1)", "\tcmd", "\rcmd"})
    void neutralisesWhatASpreadsheetWouldRun(String cell) {
        assertThat(RejectedRowsCsv.neutralised(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Concert", "12,50", "5038"})
    void leavesOrdinaryCellsAlone(String cell) {
        assertThat(RejectedRowsCsv.neutralised(cell)).isEqualTo(cell);
    }

    @Test
    void writesOneQuotedLinePerRejectedRow() throws Exception {
        StringWriter out = new StringWriter();
        try (RejectedRowsCsv csv = new RejectedRowsCsv(out)) {
            csv.reject(new RejectedRow(7, List.of(ProblemCode.INVALID_DATE, ProblemCode.OUTLIER), Map.of(
                    CanonicalField.ORDER_ID, "=1+1", CanonicalField.EVENT_NAME, "Dans; muziek", CanonicalField.ORDER_DATE, "gisteren")));
        }
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("7;INVALID_DATE OUTLIER;'=1+1;gisteren;;\"Dans; muziek\";");
    }

    @Test
    void listsAtMostItsLimitAndSaysHowManyMoreThereWere() throws Exception {
        StringWriter out = new StringWriter();
        try (RejectedRowsCsv csv = new RejectedRowsCsv(out, 3)) {
            for (int line = 2; line <= 6; line++) {
                csv.reject(new RejectedRow(line, List.of(ProblemCode.INVALID_DATE), Map.of(CanonicalField.ORDER_DATE, "?")));
            }
        }
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(3)).startsWith("4;");
        assertThat(lines.get(4)).isEqualTo("...;+2 more rejected rows not listed");
    }
}
