package nl.kunstloc.publieksdata.report.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import nl.kunstloc.publieksdata.segmentation.control.AudienceFiguresJson;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import org.junit.jupiter.api.Test;

/** A report's figures are parsed once per computation, and a new computation is never answered with the old one. */
class ParsedFiguresTest {

    private final ParsedFigures cache = new ParsedFigures();
    private final AtomicInteger parses = new AtomicInteger();
    private final String json = AudienceFiguresJson.toJson(SampleFigures.figures());

    /** What Reports#figures does: the cached figures, else read and parsed (counted here) and kept. */
    private AudienceFigures read(long report, Instant computedAt) {
        AudienceFigures known = cache.find(report, computedAt);
        if (known != null) {
            return known;
        }
        parses.incrementAndGet();
        AudienceFigures parsed = AudienceFiguresJson.fromJson(json);
        cache.put(report, computedAt, parsed);
        return parsed;
    }

    @Test
    void aReportReadAgainIsNotParsedAgain() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        AudienceFigures first = read(7, at);
        AudienceFigures again = read(7, at);
        assertThat(again).isSameAs(first).isEqualTo(SampleFigures.figures());
        assertThat(parses).hasValue(1);
    }

    @Test
    void figuresComputedAgainAreParsedAgain() {
        read(7, Instant.parse("2026-03-01T10:00:00Z"));
        read(7, Instant.parse("2026-03-02T10:00:00Z"));
        read(8, Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(parses).hasValue(3);
    }

    @Test
    void theLeastRecentlyReadReportMakesRoomWhenItIsFull() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        for (long report = 1; report <= ParsedFigures.SIZE; report++) {
            read(report, at);
        }
        read(1, at); // read again: now the most recent
        read(ParsedFigures.SIZE + 1, at); // report 2 makes room
        parses.set(0);
        read(1, at);
        assertThat(parses).as("report 1 still held").hasValue(0);
        read(2, at);
        assertThat(parses).as("report 2 parsed again").hasValue(1);
    }
}
