package nl.kunstloc.publieksdata.dashboard.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.kunstloc.publieksdata.dashboard.entity.AreaReach;
import nl.kunstloc.publieksdata.dashboard.entity.Disclosed;
import nl.kunstloc.publieksdata.dashboard.entity.SegmentReach;
import nl.kunstloc.publieksdata.segmentation.entity.SegmentDefinition;

/**
 * Adds up what the institutions reach in one area, segment by segment, and puts every figure through the
 * {@link DisclosureRule}: the people reached per segment and in total are withheld where fewer than 3
 * institutions contribute, one makes up more than 70 %, or fewer than 10 people are counted; shares, indices,
 * penetrations and untapped potential exist only for figures that are shown.
 */
public final class AreaAggregate {

    private AreaAggregate() {
    }

    /**
     * One institution's people in the area, per segment in the model's order (estimates: a customer in a PC4
     * counts for each segment with its share there, as in the reports).
     */
    public record Contribution(double[] segmentPeople) {

        public double total() {
            double sum = 0;
            for (double p : segmentPeople) {
                sum += p;
            }
            return sum;
        }
    }

    /**
     * People reached per PC4 of a municipality under the same rule, the PC4s as a column beside their sum.
     *
     * @param pc4s        the PC4s of the municipality, in the order to show
     * @param population  inhabitants per PC4, same order
     * @param people      per institution, people per PC4 (same order)
     */
    public static List<nl.kunstloc.publieksdata.dashboard.entity.AreaCell> pc4s(List<String> pc4s, double[] population,
                                                                                List<double[]> people) {
        List<double[]> cells = new ArrayList<>();
        double[] totals = new double[people.size()];
        for (int p = 0; p < pc4s.size(); p++) {
            double[] cell = new double[people.size()];
            for (int i = 0; i < people.size(); i++) {
                cell[i] = people.get(i)[p];
                totals[i] += cell[i];
            }
            cells.add(cell);
        }
        DisclosureRule.Column column = DisclosureRule.column(cells, totals);
        List<nl.kunstloc.publieksdata.dashboard.entity.AreaCell> result = new ArrayList<>();
        for (int p = 0; p < pc4s.size(); p++) {
            Disclosed d = column.cells().get(p);
            Double penetration = d.isShown() && population[p] > 0 ? 1000 * d.value() / population[p] : null;
            result.add(new nl.kunstloc.publieksdata.dashboard.entity.AreaCell(pc4s.get(p), d, population[p], penetration));
        }
        return result;
    }

    /**
     * @param population inhabitants per segment in the area, in the model's order
     */
    public static AreaReach compute(String area, String name, List<SegmentDefinition> segments, double[] population,
                                    List<Contribution> contributions) {
        return compute(area, name, segments, population, contributions, new boolean[segments.size()], false);
    }

    /**
     * As {@link #compute(String, String, List, double[], List)}, with segments (and the total) that must be withheld
     * because of a figure shown elsewhere ({@link nl.kunstloc.publieksdata.dashboard.entity.Disclosed.Reason#DIFFERENCE}).
     */
    public static AreaReach compute(String area, String name, List<SegmentDefinition> segments, double[] population,
                                    List<Contribution> contributions, boolean[] differenceSegments, boolean differenceTotal) {
        int n = segments.size();
        if (population.length != n) {
            throw new IllegalArgumentException("population for " + population.length + " segments, model has " + n);
        }
        List<double[]> cells = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            double[] cell = new double[contributions.size()];
            for (int i = 0; i < contributions.size(); i++) {
                cell[i] = contributions.get(i).segmentPeople()[s];
            }
            cells.add(cell);
        }
        double[] totals = contributions.stream().mapToDouble(Contribution::total).toArray();
        DisclosureRule.Column column = DisclosureRule.column(cells, totals, differenceSegments, differenceTotal);
        double populationTotal = 0;
        for (double p : population) {
            populationTotal += p;
        }
        Disclosed reached = column.total();
        Double average = reached.isShown() && populationTotal > 0 ? reached.value() / populationTotal : null;
        List<SegmentReach> rows = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            SegmentDefinition def = segments.get(s);
            Disclosed cell = column.cells().get(s);
            double populationShare = populationTotal > 0 ? population[s] / populationTotal : 0;
            Double share = null;
            Double index = null;
            Double penetration = null;
            Double expected = null;
            Double untapped = null;
            if (cell.isShown()) {
                if (reached.isShown() && reached.value() > 0) {
                    share = cell.value() / reached.value();
                    index = populationShare > 0 ? 100 * share / populationShare : null;
                }
                penetration = population[s] > 0 ? 1000 * cell.value() / population[s] : null;
                if (average != null) {
                    expected = population[s] * average;
                    untapped = expected - cell.value();
                }
            }
            rows.add(new SegmentReach(def.code(), def.nameNl(), def.nameEn(), cell, population[s], share, populationShare,
                    index, penetration, expected, untapped));
        }
        List<SegmentReach> under = rows.stream().filter(r -> r.untapped() != null && r.untapped() > 0)
                .sorted(Comparator.comparing(SegmentReach::untapped).reversed()).toList();
        return new AreaReach(area, name, reached, populationTotal,
                average == null ? null : 1000 * average, rows, under, List.of());
    }
}
