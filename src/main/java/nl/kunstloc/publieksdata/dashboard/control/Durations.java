package nl.kunstloc.publieksdata.dashboard.control;

import java.time.Duration;
import java.util.List;

/** Median and slowest of a step's durations. */
public final class Durations {

    private Durations() {
    }

    /** The median (the mean of the middle two for an even count); null when there are none. */
    public static Duration median(List<Long> millis) {
        if (millis.isEmpty()) {
            return null;
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        long m = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return Duration.ofMillis(m);
    }

    public static Duration slowest(List<Long> millis) {
        return millis.stream().mapToLong(Long::longValue).max().stream().mapToObj(Duration::ofMillis).findFirst().orElse(null);
    }
}
