package nl.kunstloc.publieksdata.report.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;

/**
 * The figures of the reports read last, read from the database and parsed once: a report page, its downloads and the dashboards read the same
 * report's figures again and again, and parsing their JSON (up to a few hundred kB) was the largest part of a
 * report page's CPU under load (issue 15, docs/performance.md "Load"). Keyed by report and the moment its figures
 * were computed, so a segmentation run again (new figures, new moment) is never answered with the old ones.
 * At most {@value #SIZE} reports, least recently used out first. The figures are immutable values shared by all
 * callers; nobody changes them.
 */
final class ParsedFigures {

    static final int SIZE = 24;

    private record Key(long reportId, Instant computedAt) {
    }

    private final Map<Key, AudienceFigures> recent = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, AudienceFigures> eldest) {
            return size() > SIZE;
        }
    };

    /** The figures of this computation of the report, if they were read lately; else null. */
    AudienceFigures find(long reportId, Instant computedAt) {
        synchronized (recent) {
            return recent.get(new Key(reportId, computedAt));
        }
    }

    void put(long reportId, Instant computedAt, AudienceFigures figures) {
        synchronized (recent) {
            recent.put(new Key(reportId, computedAt), figures);
        }
    }
}
