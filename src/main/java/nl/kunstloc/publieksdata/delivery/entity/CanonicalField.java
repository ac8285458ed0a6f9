package nl.kunstloc.publieksdata.delivery.entity;

import java.util.EnumSet;
import java.util.Set;

/** The fields of an order line the portal understands, whatever the ticketing system calls them. */
public enum CanonicalField {
    ORDER_ID,
    CUSTOMER_ID,
    ORDER_DATE,
    EVENT_ID,
    EVENT_NAME,
    EVENT_DATE,
    VENUE,
    GENRE,
    PRICE_TYPE,
    PRICE,
    TICKET_COUNT,
    SALES_CHANNEL,
    POSTCODE,
    COUNTRY;

    /** The one event of a file without an event column (a single-event festival, a museum). */
    public static final String ALL_EVENTS = "Alle voorstellingen / All events";

    /**
     * Without these an order line cannot be analysed: a date, and a place (a postcode, or at least a
     * country). A missing place is reported as {@link #POSTCODE}.
     */
    public static Set<CanonicalField> missingRequired(Set<CanonicalField> mapped) {
        Set<CanonicalField> missing = EnumSet.noneOf(CanonicalField.class);
        if (!mapped.contains(ORDER_DATE)) {
            missing.add(ORDER_DATE);
        }
        if (!mapped.contains(POSTCODE) && !mapped.contains(COUNTRY)) {
            missing.add(POSTCODE);
        }
        return missing;
    }

    /**
     * The optional fields that have a rule for their absence (see {@code DeliveryReader}): no order id,
     * each row its own order; no customer id, figures per visit; no event ({@link #EVENT_NAME} stands for
     * "neither id nor name"), one event {@link #ALL_EVENTS}; no ticket count, one ticket per row.
     */
    public static Set<CanonicalField> absentOptional(Set<CanonicalField> mapped) {
        Set<CanonicalField> absent = EnumSet.noneOf(CanonicalField.class);
        for (CanonicalField f : EnumSet.of(ORDER_ID, CUSTOMER_ID, TICKET_COUNT)) {
            if (!mapped.contains(f)) {
                absent.add(f);
            }
        }
        if (!mapped.contains(EVENT_ID) && !mapped.contains(EVENT_NAME)) {
            absent.add(EVENT_NAME);
        }
        return absent;
    }
}
