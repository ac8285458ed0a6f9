package nl.kunstloc.publieksdata.dashboard.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.dashboard.entity.PeerComparison;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import nl.kunstloc.publieksdata.segmentation.entity.ModelKind;
import org.junit.jupiter.api.Test;

class PeerBenchmarkTest {

    /** Own: 60 young, 40 old of 100 placed; the old count (8 in the second case) is withheld under 10. */
    static AudienceFigures own(double young, double old) {
        var basis = new AudienceFigures.Basis(AudienceFigures.Unit.CUSTOMERS, List.of(1L), 100, 100, (long) (young + old),
                (long) (young + old), 100, 100, null, null, null, null);
        var model = new AudienceFigures.ModelRef(1, "cbs-levensfase", "Levensfase", 1, ModelKind.PEOPLE, List.of(), "");
        return new AudienceFigures(1, Instant.EPOCH, 1, basis, model, List.of(), List.of(
                new AudienceFigures.SegmentFigure("young", "Jong", "Young", "#000000", 1, young, young, 1000, 100, 100),
                new AudienceFigures.SegmentFigure("old", "Oud", "Old", "#000000", 2, old, old, 3000, 300, 300)),
                List.of(), List.of(), null, null, List.of(), List.of(), null);
    }

    static List<PublishedFigures.Slice> peers(int n) {
        List<PublishedFigures.Slice> peers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // peer i: young share (i + 1) / 10 of 1,000 placed; each peer counts once, whatever its size
            double young = (i + 1) * 100.0 * (i == 0 ? 10 : 1);
            long placed = i == 0 ? 10_000 : 1000;
            peers.add(new PublishedFigures.Slice(10 + i, 10 + i, 1, null, "THEATRE", "cbs-levensfase", Map.of(),
                    Map.of("young", young, "old", placed - young), placed, Map.of()));
        }
        return peers;
    }

    @Test
    void theAverageOfFivePeersEachCountingOnce() {
        // young shares 0.1, 0.2, 0.3, 0.4, 0.5 (the first peer is ten times as large): mean 0.3
        PeerComparison c = PeerBenchmark.compare("THEATRE", own(60, 40), peers(5));
        assertThat(c.shown()).isTrue();
        assertThat(c.peers()).isEqualTo(5);
        assertThat(c.rows().get(0).average()).isCloseTo(0.3, within(1e-9));
        assertThat(c.rows().get(0).own()).isCloseTo(0.6, within(1e-9));
        assertThat(c.rows().get(0).difference()).isCloseTo(30.0, within(1e-9));
        assertThat(c.rows().get(1).average()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void fourPeersAreTooFewAndNothingIsComputed() {
        PeerComparison c = PeerBenchmark.compare("THEATRE", own(60, 40), peers(4));
        assertThat(c.shown()).isFalse();
        assertThat(c.peers()).isEqualTo(4);
        assertThat(c.rows()).isEmpty();
    }

    @Test
    void anOwnCountUnderTenShowsNoShare() {
        PeerComparison c = PeerBenchmark.compare("THEATRE", own(92, 8), peers(6));
        assertThat(c.rows().get(1).own()).isNull();
        assertThat(c.rows().get(1).difference()).isNull();
    }
}
