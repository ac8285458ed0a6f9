package nl.kunstloc.publieksdata.report.control;

import java.util.List;
import nl.kunstloc.publieksdata.segmentation.control.Disclosure;

/**
 * The report's door to disclosure control ({@link Disclosure}, segmentation): one column of counts shown
 * beside its total. Every count under 10 shows "&lt; 10" (zero too), and where one hidden count could be
 * worked out as the total minus the others, a partner is hidden too and shows "x". Counts are rounded to
 * whole people first (segment counts are estimates). Shares, indices and penetrations computed from a
 * hidden count are hidden by the caller.
 */
public final class Suppression {

    public static final int THRESHOLD = Disclosure.THRESHOLD;

    private Suppression() {
    }

    /** Which of these counts to withhold, by position. */
    public static boolean[] withhold(List<Double> counts) {
        Disclosure.Table table = table(counts);
        boolean[] hidden = new boolean[counts.size()];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = table.hidden(0, i);
        }
        return hidden;
    }

    /** What a withheld count shows ("< 10" or "x"); null where the count is shown. */
    public static String[] marks(List<Double> counts) {
        Disclosure.Table table = table(counts);
        String[] marks = new String[counts.size()];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = table.hidden(0, i) ? table.text(0, i) : null;
        }
        return marks;
    }

    private static Disclosure.Table table(List<Double> counts) {
        return Disclosure.list(counts.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Whether a single count, shown on its own, must be withheld. */
    public static boolean withholdAlone(double count) {
        return Math.round(count) < THRESHOLD;
    }
}
