package nl.kunstloc.publieksdata.dashboard.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import nl.kunstloc.publieksdata.dashboard.entity.AreaReach;
import nl.kunstloc.publieksdata.dashboard.entity.Disclosed.Reason;
import nl.kunstloc.publieksdata.dashboard.entity.SegmentReach;
import nl.kunstloc.publieksdata.segmentation.entity.SegmentDefinition;
import org.junit.jupiter.api.Test;

/** Hand-computed: two segments, young (1000 inhabitants) and old (3000), and three or four institutions. */
class AreaAggregateTest {

    static final List<SegmentDefinition> SEGMENTS = List.of(
            new SegmentDefinition("young", "Jong", "Young", "", "#112233", 1),
            new SegmentDefinition("old", "Oud", "Old", "", "#445566", 2));
    static final double[] POPULATION = {1000, 3000};

    static AreaAggregate.Contribution c(double young, double old) {
        return new AreaAggregate.Contribution(new double[] {young, old});
    }

    @Test
    void sharesIndexPenetrationAndUntappedPotentialOfShownFigures() {
        // young: 20 + 20 + 20 = 60; old: 60 + 50 + 30 = 140; total 200 of 4000 inhabitants = 50 per 1,000
        AreaReach reach = AreaAggregate.compute("GM0001", "Test", SEGMENTS, POPULATION,
                List.of(c(20, 60), c(20, 50), c(20, 30)));
        assertThat(reach.reached().value()).isEqualTo(200.0);
        assertThat(reach.penetration()).isEqualTo(50.0);
        SegmentReach young = reach.segments().get(0);
        SegmentReach old = reach.segments().get(1);
        assertThat(young.reachedShare()).isEqualTo(0.3);          // 60 / 200
        assertThat(young.populationShare()).isEqualTo(0.25);      // 1000 / 4000
        assertThat(young.index()).isCloseTo(120.0, within(1e-9)); // 0.30 / 0.25
        assertThat(young.penetration()).isEqualTo(60.0);          // 60 per 1,000 young inhabitants
        assertThat(old.index()).isCloseTo(93.33, within(0.01));   // 0.70 / 0.75
        // expected at 50 per 1,000: old 150, reached 140, so 10 untapped; young is over-reached (50 expected, 60 reached)
        assertThat(old.untapped()).isCloseTo(10.0, within(1e-9));
        assertThat(young.untapped()).isCloseTo(-10.0, within(1e-9));
        assertThat(reach.underReached()).extracting(SegmentReach::code).containsExactly("old");
    }

    @Test
    void aDominantInstitutionWithholdsTheTotalAndEveryFigureBuiltOnIt() {
        // institution 1 has 180 of 200 = 90 %
        AreaReach reach = AreaAggregate.compute("GM0002", "Dominated", SEGMENTS, POPULATION,
                List.of(c(50, 130), c(5, 5), c(5, 5)));
        assertThat(reach.reached().withheld()).isEqualTo(Reason.DOMINANT_INSTITUTION);
        assertThat(reach.penetration()).isNull();
        assertThat(reach.segments()).allSatisfy(s -> {
            assertThat(s.reached().isShown()).isFalse();
            assertThat(s.index()).isNull();
            assertThat(s.untapped()).isNull();
        });
        assertThat(reach.underReached()).isEmpty();
        assertThat(reach.hasAnyFigure()).isFalse();
    }

    @Test
    void oneWithheldSegmentWithholdsItsPartnerSoTheTotalDoesNotGiveItAway() {
        // young: only institutions 1 and 2 reach any (2 < 3); old: 4 institutions; total shown
        AreaReach reach = AreaAggregate.compute("GM0003", "Secondary", SEGMENTS, POPULATION,
                List.of(c(30, 40), c(20, 40), c(0, 40), c(0, 40)));
        assertThat(reach.reached().value()).isEqualTo(210.0);
        assertThat(reach.segments().get(0).reached().withheld()).isEqualTo(Reason.FEW_INSTITUTIONS);
        assertThat(reach.segments().get(1).reached().withheld()).isEqualTo(Reason.SECONDARY);
    }
}
