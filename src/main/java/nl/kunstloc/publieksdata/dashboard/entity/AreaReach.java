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
 * @param pc4s         per PC4 of a municipality (empty for the province), by PC4
 */
public record AreaReach(String area, String name, Disclosed reached, double population, Double penetration,
                        List<SegmentReach> segments, List<SegmentReach> underReached, List<AreaCell> pc4s)
        implements java.io.Serializable {

    public AreaReach {
        segments = List.copyOf(segments);
        underReached = List.copyOf(underReached);
        pc4s = List.copyOf(pc4s);
    }

    public AreaReach withPc4s(List<AreaCell> cells) {
        return new AreaReach(area, name, reached, population, penetration, segments, underReached, cells);
    }

    /** The PC4 values for the map: {"5611":{"v":12.3,"t":"12,3"},...}; v null where withheld. */
    public String pc4Json(java.util.Locale locale) {
        StringBuilder json = new StringBuilder("{");
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        for (AreaCell c : pc4s) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(c.code().replaceAll("[^0-9]", "")).append("\":");
            if (c.penetration() == null) {
                json.append("{\"v\":null,\"t\":null}");
            } else {
                json.append("{\"v\":").append(Math.round(c.penetration() * 10) / 10.0).append(",\"t\":\"")
                        .append(f.format(c.penetration())).append("\"}");
            }
        }
        return json.append('}').toString();
    }

    public boolean hasAnyFigure() {
        return reached.isShown() || segments.stream().anyMatch(s -> s.reached().isShown());
    }
}
