package nl.kunstloc.publieksdata.delivery.entity;

/**
 * The kinds of problem validation reports. Each has advice for the user under the message key
 * {@code delivery.problem.<CODE>.advice} and a title under {@code delivery.problem.<CODE>.title}.
 */
public enum ProblemCode {
    /** The row could not be read as a whole: wrong number of cells, broken quoting. */
    UNREADABLE_ROW(true),
    /** An order id, customer id or event is empty. */
    MISSING_VALUE(true),
    MISSING_POSTCODE(true),
    INVALID_POSTCODE(true),
    /** A foreign customer: kept with the country only. */
    FOREIGN_POSTCODE(false),
    INVALID_DATE(true),
    NON_POSITIVE_TICKETS(true),
    /** Exactly the same line was seen before, typically from overlapping exports. */
    DUPLICATE_ORDER_LINE(true),
    /** A price that is not a number: the row is kept without a price. */
    INVALID_PRICE(false),
    /** Kept, but many tickets or a high price on one line. */
    OUTLIER(false),
    /** A required field has no column: nothing can be imported until the mapping is completed. */
    UNMAPPED_REQUIRED_COLUMN(true);

    private final boolean rejectsRow;

    ProblemCode(boolean rejectsRow) {
        this.rejectsRow = rejectsRow;
    }

    public boolean rejectsRow() {
        return rejectsRow;
    }

    public String adviceKey() {
        return "delivery.problem." + name() + ".advice";
    }

    public String titleKey() {
        return "delivery.problem." + name() + ".title";
    }
}
