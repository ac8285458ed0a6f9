package nl.kunstloc.publieksdata.dashboard.entity;

import java.util.List;

/**
 * What the pilot's institutions reached in one area, season by season (oldest first), each season under the
 * disclosure rule on its own.
 */
public record AreaTrend(String area, List<SeasonReach> seasons) implements java.io.Serializable {

    public AreaTrend {
        seasons = List.copyOf(seasons);
    }

    /**
     * @param season        e.g. "2025/26"
     * @param institutions  how many institutions with a report for the season have people in the area
     * @param reach         their figures (no PC4 cells)
     */
    public record SeasonReach(String season, int institutions, AreaReach reach) implements java.io.Serializable {
    }

    /** A trend needs at least two seasons. */
    public boolean isTrend() {
        return seasons.size() >= 2;
    }

    /** The segments in the model's order (the rows of the trend table), taken from the newest season. */
    public List<SegmentReach> segments() {
        return seasons.isEmpty() ? List.of() : seasons.get(seasons.size() - 1).reach().segments();
    }
}
