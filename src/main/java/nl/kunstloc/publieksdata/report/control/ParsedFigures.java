package nl.kunstloc.publieksdata.report.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;

/**
 * The figures of the reports read last, parsed once: a report page, its downloads and the dashboards read the same
 * report's figures again and again, and parsing their JSON (up to a few hundred kB) was the largest part of a
 * report page's CPU under load (issue 15, docs/performance.md "Load"). Keyed by report and the moment its figures
 * were computed, so a segmentation run again (new figures, new moment) is never answered with the old ones.
 * At most {@value #SIZE} reports, least recently used out first. The figures are immutable values shared by all
 * callers; nobody changes them.
 */
final class ParsedFigures {

    static final int SIZE = 24;

    private record Key(long reportId, Instant computedAt, int length) {
    }

    private final Map<Key, AudienceFigures> recent = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, AudienceFigures> eldest) {
            return size() > SIZE;
        }
    };

    AudienceFigures get(long reportId, Instant computedAt, String json, Supplier<AudienceFigures> parse) {
        Key key = new Key(reportId, computedAt, json.length());
        synchronized (recent) {
            AudienceFigures known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        AudienceFigures parsed = parse.get(); // outside the lock: two first readers at once both parse, once each
        synchronized (recent) {
            recent.put(key, parsed);
        }
        return parsed;
    }
}
