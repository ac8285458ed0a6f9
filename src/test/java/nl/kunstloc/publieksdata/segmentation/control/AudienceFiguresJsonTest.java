package nl.kunstloc.publieksdata.segmentation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures.*;
import nl.kunstloc.publieksdata.segmentation.entity.ModelKind;
import org.junit.jupiter.api.Test;

class AudienceFiguresJsonTest {

    static AudienceFigures sample(Frequency frequency) {
        Basis basis = new Basis(frequency == null ? Unit.VISITS : Unit.CUSTOMERS, List.of(1000L, 1050L),
                1200, 1100, 500, 460, 2400, 2200,
                LocalDate.of(2025, 1, 3), LocalDate.of(2025, 12, 30), LocalDate.of(2025, 2, 1), null);
        ModelRef model = new ModelRef(7, "cbs-levensfase", "Levensfase (CBS)", 2, ModelKind.PEOPLE,
                List.of(new Source("CBS 83502NED bevolking per pc4 naar leeftijd", 2021, "CBS, CC BY 4.0")),
                "CBS, CC BY 4.0");
        List<VenueRef> venues = List.of(new VenueRef("Dommeltheater", "5611", "GM0772", "Eindhoven", 51.44, 5.47));
        List<SegmentFigure> segments = List.of(
                new SegmentFigure("JONG", "Jong volwassen", "Young adults", "#1b9e77", 1, 120.5, 300.25, 400000, 50000, 90000),
                new SegmentFigure("GEZIN", "Gezinnen", "Families", "#d95f02", 2, 339.5, 900.75, 1200000, 150000, 210000));
        AreaFigure pc4 = new AreaFigure("5611", "Eindhoven", "GM0772", 40, 90, 8235, 0.8,
                Map.of("JONG", 12.25, "GEZIN", 27.75));
        AreaFigure gm = new AreaFigure("GM0772", "Eindhoven", "GM0772", 300, 700, 238000, 2.5,
                Map.of("JONG", 80.0, "GEZIN", 220.0));
        Catchment catchment = new Catchment(
                List.of(new CatchmentLevel(50, 4.2, 235, 90000, List.of("5611", "5612"), List.of("GM0772"))),
                List.of(new DistanceBand(0, 5.0, 235), new DistanceBand(5, null, 225)), 4.1, 3);
        List<GroupFigure> events = List.of(
                new GroupFigure("E1", "Hamlet (2025-03-01)", LocalDate.of(2025, 3, 1), 120, 240, false, 1, Map.of("JONG", 30.0)),
                new GroupFigure("other", "Overige voorstellingen", null, 14, 20, true, 3, Map.of()));
        Potential potential = new Potential(3.2,
                List.of(new PotentialFigure("JONG", "Jong volwassen", 90000, 120.5, 288, 167.5, 140.1, 190.2, false)),
                List.of(new PotentialFigure("GM0753", "Best", 30000, 8, 96, 88, 80, 93.5, true)));
        return new AudienceFigures(AudienceFigures.FORMAT_VERSION, Instant.parse("2026-12-02T08:00:00Z"), 42,
                basis, model, venues, segments, List.of(pc4), List.of(gm), catchment, frequency,
                List.of(), events, potential);
    }

    @Test
    void figuresSurviveTheTripThroughJson() {
        Frequency frequency = new Frequency(500, 800, List.of(new VisitBand(1, 1, 350), new VisitBand(2, null, 150)),
                1050L, 120L, 80L, 350, 150);
        AudienceFigures figures = sample(frequency);

        String json = AudienceFiguresJson.toJson(figures);
        AudienceFigures back = AudienceFiguresJson.fromJson(json);

        assertThat(back).isEqualTo(figures);
        assertThat(back.basis().lastEvent()).isNull();
        assertThat(back.catchment().distanceBands().get(1).toKm()).isNull();
        // derived values are computed, not stored: the JSON holds only the components
        assertThat(json).contains("\"peoplePlaced\":460").doesNotContain("matchRate").doesNotContain("penetration");
        assertThat(back.basis().matchRate()).isEqualTo(1100.0 / 1200);
    }

    @Test
    void figuresWithoutCustomerIdsHaveNoFrequency() {
        AudienceFigures back = AudienceFiguresJson.fromJson(AudienceFiguresJson.toJson(sample(null)));

        assertThat(back.frequency()).isNull();
        assertThat(back.basis().hasCustomers()).isFalse();
    }

    @Test
    void indexComparesTheShareOfPeopleWithTheShareOfTheReference() {
        AudienceFigures figures = sample(null);
        SegmentFigure young = figures.segment("JONG").orElseThrow();
        // share of people: 120.5 / 460; share of the province: 400,000 / 1,600,000 = 0.25
        assertThat(figures.index(young, Reference.PROVINCE)).isCloseTo(100 * (120.5 / 460) / 0.25,
                org.assertj.core.data.Offset.offset(1e-9));
        // catchment: 90,000 / 300,000 = 0.3
        assertThat(figures.index(young, Reference.CATCHMENT)).isCloseTo(100 * (120.5 / 460) / 0.3,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aNewerFormatIsRefusedRatherThanMisread() {
        String json = AudienceFiguresJson.toJson(sample(null)).replace("\"formatVersion\":1", "\"formatVersion\":2");
        assertThatThrownBy(() -> AudienceFiguresJson.fromJson(json)).hasMessageContaining("format 2");
    }
}
