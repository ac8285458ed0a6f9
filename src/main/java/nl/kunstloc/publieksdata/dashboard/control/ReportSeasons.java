package nl.kunstloc.publieksdata.dashboard.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report periods of the policymakers' trend: cultural seasons, 1 September to 31 August ("2025/26"), as the
 * institutions plan and report. A published report version belongs to the season its data run to (its last order
 * date). A season's column is where the pilot stood at its end: each institution with its newest published version
 * of that season or an earlier one. So the newest season holds exactly the current published versions, the ones
 * the rest of the municipality view shows; what two seasons may show beside each other is {@link SeasonTrend}'s
 * business.
 */
public final class ReportSeasons {

    private ReportSeasons() {
    }

    /** A season, named by the year it starts in. */
    public record Season(int startYear) implements Comparable<Season>, java.io.Serializable {

        public static Season of(LocalDate date) {
            return new Season(date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1);
        }

        /** "2025/26" */
        public String label() {
            return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
        }

        @Override
        public int compareTo(Season other) {
            return Integer.compare(startYear, other.startYear);
        }
    }

    /** What the choice needs of a published version. */
    public interface Version {
        long institutionId();

        int reportVersion();

        /** The last order date of its data; null when it has none (it then belongs to no season). */
        LocalDate lastOrder();
    }

    /**
     * Per season, oldest first (the seasons some version's data run to): each institution's newest published version
     * whose data run to that season or an earlier one.
     */
    public static <V extends Version> TreeMap<Season, List<V>> bySeason(List<V> everPublished) {
        TreeMap<Season, List<V>> ofSeason = new TreeMap<>();
        for (V v : everPublished) {
            if (v.lastOrder() != null) {
                ofSeason.computeIfAbsent(Season.of(v.lastOrder()), s -> new ArrayList<>()).add(v);
            }
        }
        TreeMap<Season, List<V>> result = new TreeMap<>();
        Map<Long, V> standing = new HashMap<>();
        ofSeason.forEach((season, versions) -> {
            for (V v : versions) {
                standing.merge(v.institutionId(), v, (a, b) -> a.reportVersion() >= b.reportVersion() ? a : b);
            }
            List<V> column = new ArrayList<>(standing.values());
            column.sort(java.util.Comparator.comparingLong(Version::institutionId));
            result.put(season, List.copyOf(column));
        });
        return result;
    }
}
