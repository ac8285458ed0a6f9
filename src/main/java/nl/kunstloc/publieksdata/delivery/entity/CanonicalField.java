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

    /** Without these an order line cannot be analysed; the event may be given by id or by name. */
    public static Set<CanonicalField> missingRequired(Set<CanonicalField> mapped) {
        Set<CanonicalField> missing = EnumSet.noneOf(CanonicalField.class);
        for (CanonicalField f : EnumSet.of(ORDER_ID, CUSTOMER_ID, ORDER_DATE, TICKET_COUNT, POSTCODE)) {
            if (!mapped.contains(f)) {
                missing.add(f);
            }
        }
        if (!mapped.contains(EVENT_ID) && !mapped.contains(EVENT_NAME)) {
            missing.add(EVENT_NAME);
        }
        return missing;
    }
}
