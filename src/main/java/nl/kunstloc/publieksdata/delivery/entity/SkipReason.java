package nl.kunstloc.publieksdata.delivery.entity;

/** Rows that are not order lines at all and are left out without counting as an error. */
public enum SkipReason {
    BLANK_ROW,
    /** "Totaal", "Total" or a row with only sums, as spreadsheets add at the bottom. */
    SUMMARY_ROW,
    /** The header again, where several exports were pasted into one file. */
    REPEATED_HEADER
}
