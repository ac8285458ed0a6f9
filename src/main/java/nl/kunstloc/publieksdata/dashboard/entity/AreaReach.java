package nl.kunstloc.publieksdata.dashboard.entity;

import java.util.List;

/**
 * What the pilot's institutions reach in one area (a municipality or the province), from published reports only.
 *
 * @param area         {@code GMxxxx} or the province's code
 * @param name         the area's name
 * @param reached      all people reached who live there (disclosed or withheld)
 * @param population   inhabitants (the segment model's total)
 * @param penetration  people reached per 1,000 inhabitants; null when {@code reached} is withheld
 * @param segments     per segment, in the model's order
 * @param underReached shown segments with untapped potential, most untapped first
 */
public record AreaReach(String area, String name, Disclosed reached, double population, Double penetration,
                        List<SegmentReach> segments, List<SegmentReach> underReached) implements java.io.Serializable {

    public AreaReach {
        segments = List.copyOf(segments);
        underReached = List.copyOf(underReached);
    }

    public boolean hasAnyFigure() {
        return reached.isShown() || segments.stream().anyMatch(s -> s.reached().isShown());
    }
}
