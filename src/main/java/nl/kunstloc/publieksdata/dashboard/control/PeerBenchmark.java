package nl.kunstloc.publieksdata.dashboard.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.dashboard.entity.PeerComparison;
import nl.kunstloc.publieksdata.report.control.Suppression;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;

/**
 * An institution's profile beside its peers: the mean profile of the other institutions of its type with a
 * published report, each counting once (a large theatre does not outweigh a small one). Shown only when at
 * least {@value #MIN_PEERS} others have one, so no single peer can be read from the average; the peers are
 * never named.
 */
public final class PeerBenchmark {

    public static final int MIN_PEERS = 5;

    private PeerBenchmark() {
    }

    /**
     * @param own    the figures of the report being read
     * @param peers  per other institution of the type: people per segment code and the people placed
     */
    public static PeerComparison compare(String type, AudienceFigures own, List<PublishedFigures.Slice> peers) {
        List<PublishedFigures.Slice> usable = peers.stream().filter(p -> p.peoplePlaced() > 0).toList();
        if (usable.size() < MIN_PEERS) {
            return new PeerComparison(type, usable.size(), false, List.of());
        }
        List<PeerComparison.Row> rows = new ArrayList<>();
        for (AudienceFigures.SegmentFigure s : own.segments()) {
            double sum = 0;
            for (PublishedFigures.Slice p : usable) {
                Map<String, Double> segments = p.segments();
                sum += segments.getOrDefault(s.code(), 0.0) / p.peoplePlaced();
            }
            Double share = Suppression.withholdAlone(s.people()) ? null : own.share(s);
            rows.add(new PeerComparison.Row(s.code(), s.nameNl(), s.nameEn(), share, sum / usable.size()));
        }
        return new PeerComparison(type, usable.size(), true, rows);
    }
}
