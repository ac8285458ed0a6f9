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
    /** Accepted but not placed: counts for tickets and customers, not for the map (match rate). */
    MISSING_POSTCODE(false),
    /** Accepted but not placed, as {@link #MISSING_POSTCODE}. */
    INVALID_POSTCODE(false),
    /** A foreign customer: kept with the country only. */
    FOREIGN_POSTCODE(false),
    INVALID_DATE(true),
    /** Reports before issue 12 only: a count below 1 was rejected then; now see {@link #REFUND}, {@link #ZERO_TICKETS}. */
    NON_POSITIVE_TICKETS(true),
    /** The ticket count is no whole number ("twee", "2 st.?"). */
    INVALID_TICKET_COUNT(true),
    /** A negative count or amount: kept, flagged, counted here, and left out of the audience figures. */
    REFUND(false),
    /** Zero tickets (a cancelled or complimentary line without a ticket): kept, flagged, left out of the figures. */
    ZERO_TICKETS(false),
    /** No country column, and the postcode is not a Dutch one: kept as abroad (country unknown), not placed. */
    NON_DUTCH_POSTCODE(false),
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
