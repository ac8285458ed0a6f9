package nl.kunstloc.publieksdata.dashboard.entity;

/**
 * A figure for policymakers after disclosure control: its value, or the reason it may not be shown.
 *
 * @param value     the figure (people), or null when withheld
 * @param withheld  why it is withheld, or null when shown
 */
public record Disclosed(Double value, Reason withheld) implements java.io.Serializable {

    /** Why a figure is not shown. */
    public enum Reason {
        /** fewer than 3 institutions contribute */
        FEW_INSTITUTIONS,
        /** one institution makes up more than 70 % */
        DOMINANT_INSTITUTION,
        /** fewer than 10 people */
        FEW_PEOPLE,
        /** shown it would let a withheld figure be worked out from the total and the others */
        SECONDARY,
        /** shown beside another season's figure, the difference would be one institution's (or under 10 people) */
        DIFFERENCE;

        public String messageKey() {
            return "dashboard.withheld." + name();
        }
    }

    public static Disclosed shown(double value) {
        return new Disclosed(value, null);
    }

    public static Disclosed withheld(Reason reason) {
        return new Disclosed(null, reason);
    }

    public boolean isShown() {
        return withheld == null;
    }
}
