package nl.kunstloc.publieksdata.segmentation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.kunstloc.publieksdata.reference.control.PostcodeDirectory;
import nl.kunstloc.publieksdata.segmentation.entity.ModelData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The open default model against the CBS files it was built from (read here independently). */
class DefaultModelTest {

    static ModelData model;
    static Map<String, Double> cbsTotal = new HashMap<>();
    static Map<String, double[]> cbsAges = new HashMap<>(); // 0–14, 15–24, 25–44, 45–64, 65–79, 80+

    @BeforeAll
    static void read() throws Exception {
        model = DefaultModel.build(PostcodeDirectory.load(), 0);
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/reference/nb_pc4_bevolking_2021.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                if (!rec.get("inwoners").isEmpty()) {
                    cbsTotal.put(rec.get("pc4"), Double.valueOf(rec.get("inwoners")));
                }
            }
        }
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/reference/nb_pc4_leeftijd_2021.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                if (rec.get("inwoners").isEmpty()) {
                    continue;
                }
                String band = rec.get("leeftijd");
                int i = switch (band) {
                    case "0-4", "5-9", "10-14" -> 0;
                    case "15-19", "20-24" -> 1;
                    case "25-29", "30-34", "35-39", "40-44" -> 2;
                    case "45-49", "50-54", "55-59", "60-64" -> 3;
                    case "65-69", "70-74", "75-79" -> 4;
                    default -> 5;
                };
                cbsAges.computeIfAbsent(rec.get("pc4"), k -> new double[6])[i] += Double.parseDouble(rec.get("inwoners"));
            }
        }
    }

    @Test
    void everyPostcodeAddsUpToItsCbsPopulation() {
        assertThat(model.pc4s()).hasSize(516); // 517 PC4s with figures, minus 5656 which CBS keeps secret
        for (String pc4 : model.pc4s()) {
            assertThat(model.population(pc4)).as(pc4).isCloseTo(cbsTotal.get(pc4), within(1e-6));
        }
        double province = model.pc4s().stream().mapToDouble(model::population).sum();
        assertThat(province).isCloseTo(2_573_810 - cbsMissing(), within(1e-3));
    }

    private static double cbsMissing() {
        // PC4s with a total but no age figures would be left out of the model; there are none
        return cbsTotal.entrySet().stream().filter(e -> !model.covers(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
    }

    @Test
    void everyPc4WithCbsFiguresIsInTheModel() {
        assertThat(cbsTotal.keySet()).allMatch(model::covers);
    }

    @Test
    void segmentsFollowTheAgeProfileOfThePostcode() {
        // 5611 (Eindhoven centre): the segments are the CBS age bands scaled to the PC4 total,
        // and the two 25–44 segments together are the 25–44 band
        double[] ages = cbsAges.get("5611");
        double scale = cbsTotal.get("5611") / java.util.Arrays.stream(ages).sum();
        double[] c = model.counts("5611");
        assertThat(c[0]).isCloseTo(ages[0] * scale, within(1e-9));
        assertThat(c[1]).isCloseTo(ages[1] * scale, within(1e-9));
        assertThat(c[2] + c[3]).isCloseTo(ages[2] * scale, within(1e-9));
        assertThat(c[4]).isCloseTo(ages[3] * scale, within(1e-9));
        assertThat(c[6]).isCloseTo(ages[5] * scale, within(1e-9));
        // Eindhoven: 26 % of households have children (CBS 2023), so young families are 27 % of the 25–44s
        assertThat(c[3] / (c[2] + c[3])).isCloseTo(0.26, within(1e-9));
    }

    @Test
    void theModelNamesItsSourcesAndReferenceYears() {
        assertThat(model.ref().sources()).extracting(s -> s.referenceYear()).contains(2021, 2023);
        assertThat(model.ref().licence()).contains("CBS").contains("CC BY 4.0");
    }
}
