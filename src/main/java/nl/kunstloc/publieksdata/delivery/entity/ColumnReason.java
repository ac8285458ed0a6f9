package nl.kunstloc.publieksdata.delivery.entity;

import java.io.Serializable;
import java.util.Objects;

/**
 * Why the portal proposed a field for a column, shown beside it on the mapping screen: "header 'zip'
 * (Ticketmatic)", "values look like Dutch postcodes (96 of 100)".
 *
 * @param header  the column's header as in the file
 * @param field   the field proposed
 * @param kind    what the proposal rests on
 * @param system  for {@link Kind#PRESET}: the system whose name it is; otherwise {@code null}
 * @param matched for {@link Kind#VALUES}: sampled values that fit; otherwise 0
 * @param sampled for {@link Kind#VALUES}: non-empty values sampled; otherwise 0
 */
public record ColumnReason(String header, CanonicalField field, Kind kind, String system, int matched, int sampled)
        implements Serializable {

    public enum Kind {
        /** The header is one of the named system's own field names. */
        PRESET,
        /** The header is a common name of the field. */
        HEADER,
        /** The column's values look like the field's (dates, Dutch postcodes, small whole numbers, amounts). */
        VALUES,
        /** The only column of dates: the sale (or visit) date. */
        ONLY_DATE,
        /** An e-mail address, the only key a per-attendee report has: pseudonymised like a customer number. */
        PERSONAL_KEY,
        /** The mapping saved at an earlier upload of the same layout. */
        SAVED,
        /** Chosen by the user (or given with an API upload). */
        CHOSEN
    }

    public ColumnReason {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
    }

    public static ColumnReason of(String header, CanonicalField field, Kind kind) {
        return new ColumnReason(header, field, kind, null, 0, 0);
    }

    /** {@code delivery.reason.VALUES.POSTCODE}, {@code delivery.reason.PRESET}, ...; {0} header, {1} system, {2} matched, {3} sampled. */
    public String messageKey() {
        return "delivery.reason." + kind + (kind == Kind.VALUES ? "." + field : "");
    }

    /** An English one-liner for logs and the API: no values, only the header and counts. */
    @Override
    public String toString() {
        return switch (kind) {
            case PRESET -> "header '" + header + "' (" + system + ")";
            case HEADER -> "header '" + header + "'";
            case VALUES -> "values look like " + field + " (" + matched + " of " + sampled + ")";
            case ONLY_DATE -> "the only column of dates ('" + header + "')";
            case PERSONAL_KEY -> "e-mail address as customer key, pseudonymised";
            case SAVED -> "saved mapping";
            case CHOSEN -> "chosen";
        };
    }
}
