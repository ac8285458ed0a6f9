package nl.kunstloc.publieksdata.dashboard.control;

import static nl.kunstloc.publieksdata.dashboard.control.AreaAggregateTest.POPULATION;
import static nl.kunstloc.publieksdata.dashboard.control.AreaAggregateTest.SEGMENTS;
import static nl.kunstloc.publieksdata.dashboard.control.SeasonTrendTest.season;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.kunstloc.publieksdata.dashboard.entity.AreaReach;
import nl.kunstloc.publieksdata.dashboard.entity.AreaTrend;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The printable municipality view carries the same trend as the page, withheld seasons with their reason. */
class MunicipalityPdfTest {

    @Test
    void thePdfShowsTheTrendPerSeasonAndWhyASeasonIsWithheld() throws Exception {
        // 2023/24: three theatres; 2024/25: a fourth joined (so 2023/24 beside it would show the newcomer: withheld);
        // 2025/26: all four grew
        Map<Long, double[]> first = season(1, 40, 20, 2, 30, 30, 3, 25, 25);
        Map<Long, double[]> second = season(1, 40, 20, 2, 30, 30, 3, 25, 25, 4, 20, 15);
        Map<Long, double[]> third = season(1, 50, 25, 2, 42, 36, 3, 33, 34, 4, 30, 20);
        AreaReach current = AreaAggregate.compute("GM0001", "Testdorp", SEGMENTS, POPULATION,
                third.values().stream().map(AreaAggregate.Contribution::new).toList());
        List<AreaReach> reaches = SeasonTrend.compute("GM0001", "Testdorp", SEGMENTS, POPULATION, List.of(first, second, third),
                third, current);
        AreaTrend trend = new AreaTrend("GM0001", List.of(new AreaTrend.SeasonReach("2023/24", 3, reaches.get(0)),
                new AreaTrend.SeasonReach("2024/25", 4, reaches.get(1)), new AreaTrend.SeasonReach("2025/26", 4, reaches.get(2))));

        byte[] pdf = MunicipalityPdf.render(current, trend, null, Locale.forLanguageTag("nl"), "3 december 2026");
        Path out = Path.of("target", "example-municipality.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);

        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Gemeenteoverzicht: Testdorp", "Ontwikkeling per seizoen", "2023/24", "2024/25", "2025/26",
                    "het verschil met een ander seizoen zou één instelling tonen");
            // young 2025/26: 50 + 42 + 33 + 30 = 155 of 1,000 young inhabitants = 155,0 per 1,000; of all 270 reached
            // (155 young + 115 old) that is 57.4 % against 25 % of the inhabitants: index 57.4 / 25 × 100 = 230
            assertThat(text).contains("155,0 (230)");
        }
    }
}
