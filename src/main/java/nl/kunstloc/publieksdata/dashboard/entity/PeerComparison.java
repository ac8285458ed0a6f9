package nl.kunstloc.publieksdata.dashboard.entity;

import java.util.List;

/**
 * An institution's segment profile beside the average profile of the other institutions of its type.
 *
 * @param type     the institution type (enum name)
 * @param peers    how many other institutions of the type have a published report
 * @param shown    whether there are enough peers to show the average ({@code rows} is empty otherwise)
 * @param rows     per segment, in the model's order
 */
public record PeerComparison(String type, int peers, boolean shown, List<Row> rows) implements java.io.Serializable {

    public PeerComparison {
        rows = List.copyOf(rows);
    }

    /**
     * @param own     the institution's share of the segment, 0..1; null where its count is under 10 (withheld)
     * @param average the mean share over the peers (each institution counts once), 0..1
     */
    public record Row(String code, String nameNl, String nameEn, Double own, double average) implements java.io.Serializable {

        public String name(String language) {
            return "en".equals(language) ? nameEn : nameNl;
        }

        /** Own share minus the peers' average, in percentage points; null when the own share is withheld. */
        public Double difference() {
            return own == null ? null : 100 * (own - average);
        }
    }
}
