package nl.kunstloc.publieksdata.dashboard.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kunstloc.publieksdata.dashboard.entity.AreaReach;
import nl.kunstloc.publieksdata.segmentation.entity.SegmentDefinition;

/**
 * An area season by season under the disclosure rule, including what two figures shown beside each other give
 * away: the difference between a season and a later one (or the current figures beside the trend) is the change of
 * the institutions whose report changed, so a figure is shown only when that change would itself pass the rule
 * (at least 3 institutions changed, none more than 70 % of the change, at least 10 people) or nothing changed.
 * Otherwise the earlier season's figure is withheld ({@code DIFFERENCE}); the newest season, which holds the
 * current reports, is decided first, on its own.
 */
public final class SeasonTrend {

    private SeasonTrend() {
    }

    /**
     * @param seasons  oldest first: per season the people per segment (model order) per institution id
     * @param current  the current figures shown beside the trend: their contributions and what of them is shown
     */
    public static List<AreaReach> compute(String area, String name, List<SegmentDefinition> segments, double[] population,
                                          List<Map<Long, double[]>> seasons, Map<Long, double[]> current, AreaReach currentShown) {
        int n = segments.size();
        AreaReach[] result = new AreaReach[seasons.size()];
        for (int k = seasons.size() - 1; k >= 0; k--) {
            Map<Long, double[]> column = seasons.get(k);
            boolean[] differenceSegments = new boolean[n];
            boolean[] differenceTotal = {false};
            List<Map<Long, double[]>> later = new ArrayList<>();
            List<AreaReach> laterShown = new ArrayList<>();
            for (int j = k + 1; j < seasons.size(); j++) {
                later.add(seasons.get(j));
                laterShown.add(result[j]);
            }
            if (current != null && currentShown != null) {
                later.add(current);
                laterShown.add(currentShown);
            }
            for (int j = 0; j < later.size(); j++) {
                AreaReach shown = laterShown.get(j);
                for (int s = 0; s < n; s++) {
                    if (shown.segments().get(s).reached().isShown() && !changeMayShow(column, later.get(j), s)) {
                        differenceSegments[s] = true;
                    }
                }
                if (shown.reached().isShown() && !changeMayShow(column, later.get(j), -1)) {
                    differenceTotal[0] = true;
                }
            }
            List<AreaAggregate.Contribution> contributions = column.values().stream().map(AreaAggregate.Contribution::new).toList();
            result[k] = AreaAggregate.compute(area, name, segments, population, contributions, differenceSegments, differenceTotal[0]);
        }
        return Arrays.asList(result);
    }

    /** Whether the change of one segment (or of the total, {@code segment} −1) between two columns may be shown. */
    static boolean changeMayShow(Map<Long, double[]> a, Map<Long, double[]> b, int segment) {
        Set<Long> institutions = new HashSet<>(a.keySet());
        institutions.addAll(b.keySet());
        double[] changes = new double[institutions.size()];
        int i = 0;
        boolean any = false;
        for (Long institution : institutions) {
            double change = Math.abs(value(b.get(institution), segment) - value(a.get(institution), segment));
            any |= change > 1e-9;
            changes[i++] = change < 1e-9 ? 0 : change;
        }
        return !any || DisclosureRule.figure(changes).isShown();
    }

    private static double value(double[] people, int segment) {
        if (people == null) {
            return 0;
        }
        if (segment >= 0) {
            return people[segment];
        }
        double total = 0;
        for (double p : people) {
            total += p;
        }
        return total;
    }
}
