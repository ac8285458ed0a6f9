package nl.kunstloc.publieksdata.dashboard.control;

import static nl.kunstloc.publieksdata.dashboard.control.AreaAggregateTest.POPULATION;
import static nl.kunstloc.publieksdata.dashboard.control.AreaAggregateTest.SEGMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kunstloc.publieksdata.dashboard.entity.AreaReach;
import nl.kunstloc.publieksdata.dashboard.entity.Disclosed;
import nl.kunstloc.publieksdata.dashboard.entity.Disclosed.Reason;
import org.junit.jupiter.api.Test;

/** Two segments (young, old) as in AreaAggregateTest; per season the people per institution, by hand. */
class SeasonTrendTest {

    static Map<Long, double[]> season(Object... idYoungOld) {
        Map<Long, double[]> people = new LinkedHashMap<>();
        for (int i = 0; i < idYoungOld.length; i += 3) {
            people.put(((Number) idYoungOld[i]).longValue(),
                    new double[] {((Number) idYoungOld[i + 1]).doubleValue(), ((Number) idYoungOld[i + 2]).doubleValue()});
        }
        return people;
    }

    static List<AreaReach> trend(Map<Long, double[]> first, Map<Long, double[]> second) {
        AreaReach current = AreaAggregate.compute("GM0001", "Test", SEGMENTS, POPULATION,
                second.values().stream().map(AreaAggregate.Contribution::new).toList());
        return SeasonTrend.compute("GM0001", "Test", SEGMENTS, POPULATION, List.of(first, second), second, current);
    }

    @Test
    void aSeasonThatDiffersFromTheNextByOneInstitutionIsWithheldElseTheDifferenceWouldBeThatInstitution() {
        // 2024/25: institutions 1, 2, 3; 2025/26: the same three reports and a fourth institution, which joined.
        // Each season on its own passes the rule (young 2024/25: 40 + 30 + 25 = 95, largest 42 %), but shown side by
        // side, 2025/26 minus 2024/25 would be institution 4's own figures: 20 young, 15 old.
        Map<Long, double[]> first = season(1, 40, 20, 2, 30, 30, 3, 25, 25);
        Map<Long, double[]> second = season(1, 40, 20, 2, 30, 30, 3, 25, 25, 4, 20, 15);

        List<AreaReach> seasons = trend(first, second);

        assertThat(seasons.get(1).reached().value()).as("the newest season: the current figures").isEqualTo(205.0);
        assertThat(seasons.get(0).segments()).allSatisfy(s -> assertThat(s.reached().withheld()).isEqualTo(Reason.DIFFERENCE));
        assertThat(seasons.get(0).reached().withheld()).isEqualTo(Reason.DIFFERENCE);
        assertThat(seasons.get(0).segments()).allSatisfy(s -> assertThat(s.index()).isNull());
        assertNoShownPairIsOneInstitution(List.of(first, second), seasons);
    }

    @Test
    void aSeasonIsShownWhenTheChangeToTheNextComesFromThreeOrMoreInstitutionsNoneDominant() {
        // 2025/26: institutions 1, 2 and 3 each grew (young +10, +12, +8 = 30; old +5, +6, +9 = 20); no one > 70 %
        Map<Long, double[]> first = season(1, 40, 20, 2, 30, 30, 3, 25, 25);
        Map<Long, double[]> second = season(1, 50, 25, 2, 42, 36, 3, 33, 34);

        List<AreaReach> seasons = trend(first, second);

        assertThat(seasons.get(0).segments().get(0).reached().value()).isEqualTo(95.0);
        assertThat(seasons.get(0).segments().get(1).reached().value()).isEqualTo(75.0);
        assertThat(seasons.get(0).reached().value()).isEqualTo(170.0);
        assertThat(seasons.get(1).reached().value()).isEqualTo(220.0);
        assertNoShownPairIsOneInstitution(List.of(first, second), seasons);
    }

    @Test
    void oneDominantChangeWithholdsOnlyTheSegmentItDominatesAndItsPartnerKeepsTheTotalFromGivingItAway() {
        // young grows by 30 from institution 1 alone (+28) and 2 (+1), 3 (+1): 28 of 30 is 93 %: young 2024/25 withheld.
        // old grows by 4 + 5 + 6 = 15 over three, none dominant. Totals: +32, +6, +7 = 45, institution 1 has 71 %: withheld.
        Map<Long, double[]> first = season(1, 40, 20, 2, 30, 30, 3, 25, 25);
        Map<Long, double[]> second = season(1, 68, 24, 2, 31, 35, 3, 26, 31);

        List<AreaReach> seasons = trend(first, second);

        assertThat(seasons.get(0).segments().get(0).reached().withheld()).isEqualTo(Reason.DIFFERENCE);
        assertThat(seasons.get(0).reached().withheld()).isEqualTo(Reason.DIFFERENCE);
        assertThat(seasons.get(0).segments().get(1).reached().value()).as("old: its change is three institutions'").isEqualTo(75.0);
        assertNoShownPairIsOneInstitution(List.of(first, second), seasons);
    }

    /**
     * The attacker: for every figure shown in two seasons, the difference of the two must be a change of at least 3
     * institutions (or none at all).
     */
    static void assertNoShownPairIsOneInstitution(List<Map<Long, double[]>> people, List<AreaReach> seasons) {
        for (int a = 0; a < seasons.size(); a++) {
            for (int b = a + 1; b < seasons.size(); b++) {
                for (int s = -1; s < SEGMENTS.size(); s++) {
                    Disclosed x = s < 0 ? seasons.get(a).reached() : seasons.get(a).segments().get(s).reached();
                    Disclosed y = s < 0 ? seasons.get(b).reached() : seasons.get(b).segments().get(s).reached();
                    if (!x.isShown() || !y.isShown()) {
                        continue;
                    }
                    Set<Long> changed = new HashSet<>();
                    Set<Long> all = new HashSet<>(people.get(a).keySet());
                    all.addAll(people.get(b).keySet());
                    for (Long i : all) {
                        if (value(people.get(a).get(i), s) != value(people.get(b).get(i), s)) {
                            changed.add(i);
                        }
                    }
                    assertThat(changed.isEmpty() || changed.size() >= 3)
                            .as("seasons %d and %d, segment %d: shown side by side, their difference is the change of %s", a, b, s, changed)
                            .isTrue();
                }
            }
        }
    }

    static double value(double[] people, int segment) {
        if (people == null) {
            return 0;
        }
        return segment >= 0 ? people[segment] : people[0] + people[1];
    }
}
