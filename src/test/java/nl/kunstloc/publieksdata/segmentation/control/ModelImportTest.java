package nl.kunstloc.publieksdata.segmentation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.List;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.control.ModelImport.Finding;
import nl.kunstloc.publieksdata.segmentation.control.ModelImport.Problem;
import nl.kunstloc.publieksdata.segmentation.control.ModelImport.Result;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.Source;
import nl.kunstloc.publieksdata.segmentation.entity.ModelKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelImportTest {

    static PostcodeDirectory directory;
    static final String SEGMENTS = """
            code,name_nl,name_en,description,colour
            ALLES,Culturele alleseters,Cultural omnivores,Gaan overal heen,#1b9e77
            PROEF,Proevende buitenwijkers,Suburban samplers,,#d95f02
            """;

    @BeforeAll
    static void load() {
        directory = PostcodeDirectory.load();
    }

    static Result read(String segments, String counts, ModelKind kind) {
        return ModelImport.read("cdm", "Culturele Doelgroepenmodel", kind, List.of(new Source("Whize", 2025, "licensed")),
                "licentie Rotterdam Festivals", new StringReader(segments), new StringReader(counts), directory);
    }

    @Test
    void aValidModelIsReadWithItsSegmentsInOrder() {
        // 5611 has 8,235 inhabitants (CBS 2021): 5,000 + 3,235
        Result r = read(SEGMENTS, "pc4;ALLES;PROEF;total\n5611;5000;3235;8235\n5612;1200,5;800,5;2001\n", ModelKind.PEOPLE);

        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.model().segments()).extracting(s -> s.code()).containsExactly("ALLES", "PROEF");
        assertThat(r.model().counts("5612")).containsExactly(1200.5, 800.5);
        assertThat(r.model().segments().get(1).description()).isEmpty();
    }

    @Test
    void everyProblemIsReportedWithItsLineAndNothingComesOut() {
        String counts = """
                pc4,ALLES,PROEF,total
                5611,5000,3235,8235
                1012,10,10,20
                5612,12x,5,17
                5611,1,1,2
                5613,100,100,300
                """;
        Result r = read(SEGMENTS, counts, ModelKind.PEOPLE);

        assertThat(r.model()).isNull();
        assertThat(r.problems()).extracting(Finding::line, Finding::problem, Finding::column).containsExactly(
                tuple(3L, Problem.UNKNOWN_PC4, "pc4"),        // Amsterdam is not in Noord-Brabant
                tuple(4L, Problem.BAD_NUMBER, "ALLES"),
                tuple(5L, Problem.DUPLICATE_PC4, "pc4"),
                tuple(6L, Problem.TOTAL_MISMATCH, "total")); // 100 + 100 is not 300
    }

    @Test
    void aMissingOrUnknownSegmentColumnStopsTheImport() {
        Result r = read(SEGMENTS, "pc4,ALLES,LOKAAL\n5611,1,2\n", ModelKind.PEOPLE);

        assertThat(r.problems()).extracting(Finding::problem, Finding::found).containsExactly(
                tuple(Problem.UNKNOWN_COLUMN, "LOKAAL"), tuple(Problem.MISSING_SEGMENT, "PROEF"));
    }

    @Test
    void badSegmentDefinitionsAreNamed() {
        String segments = "code,name_nl,name_en,description,colour\nA,Een,One,,red\nA,Twee,Two,,#000000\n";
        Result r = read(segments, "pc4,A\n5611,1\n", ModelKind.PEOPLE);

        assertThat(r.problems()).extracting(Finding::line, Finding::problem)
                .containsExactly(tuple(2L, Problem.BAD_SEGMENT), tuple(3L, Problem.DUPLICATE_SEGMENT));
    }

    @Test
    void aPeopleModelFarFromTheCbsPopulationIsWarnedAboutButImported() {
        Result r = read(SEGMENTS, "pc4,ALLES,PROEF\n5611,10,10\n", ModelKind.PEOPLE);

        assertThat(r.ok()).isTrue();
        assertThat(r.warnings()).extracting(Finding::problem).containsExactly(Problem.FAR_FROM_CBS);
        assertThat(read(SEGMENTS, "pc4,ALLES,PROEF\n5611,10,10\n", ModelKind.HOUSEHOLDS).warnings()).isEmpty();
    }

    @Test
    void numbersAcceptDecimalCommasAndRefuseNegativesAndText() {
        assertThat(ModelImport.number("12,5")).isEqualTo(12.5);
        assertThat(ModelImport.number("7")).isEqualTo(7.0);
        assertThat(ModelImport.number("-3")).isNull();
        assertThat(ModelImport.number("veel")).isNull();
        assertThat(ModelImport.number("")).isNull();
    }
}
