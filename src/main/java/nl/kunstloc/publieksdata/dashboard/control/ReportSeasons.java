package nl.kunstloc.publieksdata.dashboard.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report periods of the policymakers' trend: cultural seasons, 1 September to 31 August ("2025/26"), as the
 * institutions plan and report. A published report version belongs to the season its data runs to (its last
 * order date); per season, each institution counts with its newest such version. A version belongs to one season
 * only, so no two seasons share a version and the seasons cannot be subtracted to recover one institution.
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

    /** Per season, oldest first: each institution's newest published version whose data runs to that season. */
    public static <V extends Version> TreeMap<Season, List<V>> bySeason(List<V> everPublished) {
        TreeMap<Season, Map<Long, V>> newest = new TreeMap<>();
        for (V v : everPublished) {
            if (v.lastOrder() == null) {
                continue;
            }
            newest.computeIfAbsent(Season.of(v.lastOrder()), s -> new HashMap<>())
                    .merge(v.institutionId(), v, (a, b) -> a.reportVersion() >= b.reportVersion() ? a : b);
        }
        TreeMap<Season, List<V>> result = new TreeMap<>();
        newest.forEach((season, perInstitution) -> {
            List<V> versions = new ArrayList<>(perInstitution.values());
            versions.sort(java.util.Comparator.comparingLong(Version::institutionId));
            result.put(season, List.copyOf(versions));
        });
        return result;
    }
}
