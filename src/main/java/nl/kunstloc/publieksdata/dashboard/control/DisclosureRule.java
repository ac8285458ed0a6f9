package nl.kunstloc.publieksdata.dashboard.control;

import java.util.ArrayList;
import java.util.List;
import nl.kunstloc.publieksdata.dashboard.entity.Disclosed;
import nl.kunstloc.publieksdata.dashboard.entity.Disclosed.Reason;

/**
 * What a policymaker may see of a figure aggregated over institutions (the dominance rule of statistical
 * offices): it is shown only when at least {@value #MIN_INSTITUTIONS} institutions contribute to it, no single
 * institution makes up more than {@value #MAX_SHARE_PERCENT} % of it, and it counts at least
 * {@value #MIN_PEOPLE} people. A figure is given as its contributions, one per institution, in people.
 * <p>
 * In a column of figures shown beside its total, one withheld figure could be worked out as the total minus the
 * others; then a partner is withheld too ({@link Reason#SECONDARY}): the smallest shown figure at least as large
 * as the withheld one, so the pair's known sum does not pin it down.
 */
public final class DisclosureRule {

    public static final int MIN_INSTITUTIONS = 3;
    public static final int MAX_SHARE_PERCENT = 70;
    public static final int MIN_PEOPLE = 10;

    private DisclosureRule() {
    }

    /** One figure on its own. */
    public static Disclosed figure(double[] contributions) {
        double total = 0;
        double largest = 0;
        int contributors = 0;
        for (double c : contributions) {
            if (c < 0 || Double.isNaN(c)) {
                throw new IllegalArgumentException("a contribution is a count of people: " + c);
            }
            if (c > 0) {
                contributors++;
                total += c;
                largest = Math.max(largest, c);
            }
        }
        if (contributors < MIN_INSTITUTIONS) {
            return Disclosed.withheld(Reason.FEW_INSTITUTIONS);
        }
        if (largest * 100 > MAX_SHARE_PERCENT * total) {
            return Disclosed.withheld(Reason.DOMINANT_INSTITUTION);
        }
        if (Math.round(total) < MIN_PEOPLE) {
            return Disclosed.withheld(Reason.FEW_PEOPLE);
        }
        return Disclosed.shown(total);
    }

    /**
     * A column of figures and its total, each given by its contributions per institution (the same institutions
     * in the same order in every array).
     */
    public static Column column(List<double[]> cells, double[] total) {
        return column(cells, total, new boolean[cells.size()], false);
    }

    /**
     * As {@link #column(List, double[])}, with figures that must be withheld for a reason outside the column
     * ({@link Reason#DIFFERENCE}); they count as withheld for the partner rule.
     */
    public static Column column(List<double[]> cells, double[] total, boolean[] differenceCells, boolean differenceTotal) {
        Disclosed totalFigure = differenceTotal ? Disclosed.withheld(Reason.DIFFERENCE) : figure(total);
        List<Disclosed> figures = new ArrayList<>();
        int withheld = 0;
        for (int c = 0; c < cells.size(); c++) {
            double[] cell = cells.get(c);
            Disclosed f = figure(cell);
            if (f.isShown() && differenceCells[c]) {
                f = Disclosed.withheld(Reason.DIFFERENCE);
            }
            figures.add(f);
            if (!f.isShown()) {
                withheld++;
            }
        }
        if (totalFigure.isShown() && withheld == 1) {
            int primary = -1;
            for (int i = 0; i < figures.size(); i++) {
                if (!figures.get(i).isShown()) {
                    primary = i;
                }
            }
            double hidden = sum(cells.get(primary));
            int partner = partner(figures, hidden);
            if (partner >= 0) {
                figures.set(partner, Disclosed.withheld(Reason.SECONDARY));
            }
        }
        return new Column(figures, totalFigure);
    }

    /**
     * The partner of a withheld figure: the smallest shown figure at least as large as it, so that the pair's sum
     * (total minus the others) leaves the withheld figure anywhere between 0 and half the sum, an uncertainty at
     * least as large as the figure itself; when none is that large, the largest shown figure.
     */
    private static int partner(List<Disclosed> figures, double hidden) {
        int best = -1;
        int largest = -1;
        for (int i = 0; i < figures.size(); i++) {
            Disclosed f = figures.get(i);
            if (!f.isShown()) {
                continue;
            }
            if (largest < 0 || f.value() > figures.get(largest).value()) {
                largest = i;
            }
            if (f.value() >= hidden && (best < 0 || f.value() < figures.get(best).value())) {
                best = i;
            }
        }
        return best >= 0 ? best : largest;
    }

    private static double sum(double[] contributions) {
        double total = 0;
        for (double c : contributions) {
            total += Math.max(0, c);
        }
        return total;
    }

    /** The disclosed figures of a column, in the order given, and its total. */
    public record Column(List<Disclosed> cells, Disclosed total) {

        public Column {
            cells = List.copyOf(cells);
        }
    }
}
