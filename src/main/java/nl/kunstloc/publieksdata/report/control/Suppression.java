package nl.kunstloc.publieksdata.report.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Disclosure control for one column of counts that is shown beside its total (a product rule, not a
 * setting): every count of 1–9 people is withheld ("&lt; 10"), and when that leaves exactly one count
 * withheld, the next smallest count is withheld too, so the withheld value cannot be worked out as the
 * total minus the others (secondary suppression). Counts are rounded to whole people first (segment
 * counts are estimates). Zero is shown: it says nobody came, which reveals nobody.
 */
public final class Suppression {

    public static final int THRESHOLD = 10;

    private Suppression() {
    }

    /** Which of these counts to withhold, by position. */
    public static boolean[] withhold(List<Double> counts) {
        boolean[] hidden = new boolean[counts.size()];
        for (int i = 0; i < counts.size(); i++) {
            long people = Math.round(counts.get(i));
            hidden[i] = people > 0 && people < THRESHOLD;
        }
        long withheld = IntStream.range(0, hidden.length).filter(i -> hidden[i]).count();
        if (withheld == 1) {
            List<Integer> shown = new ArrayList<>(IntStream.range(0, hidden.length).filter(i -> !hidden[i])
                    .filter(i -> Math.round(counts.get(i)) > 0).boxed().toList());
            shown.sort(Comparator.comparingDouble(counts::get));
            if (!shown.isEmpty()) {
                hidden[shown.get(0)] = true;
            }
        }
        return hidden;
    }

    /** Whether a single count, shown on its own (not beside a total of the same column), must be withheld. */
    public static boolean withholdAlone(double count) {
        long people = Math.round(count);
        return people > 0 && people < THRESHOLD;
    }
}
