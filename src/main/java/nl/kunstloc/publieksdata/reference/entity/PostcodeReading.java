package nl.kunstloc.publieksdata.reference.entity;

import java.util.Objects;

/**
 * What a postcode cell (plus an optional country cell) of an export turned out to be.
 * Only the parts the portal may keep survive: a Dutch postcode is reduced to its PC4 and a foreign
 * postcode to its country, because the full postcode is more precise than any figure needs.
 *
 * @param kind    the outcome
 * @param pc4     the four digits for {@link Kind#DUTCH}, otherwise {@code null}
 * @param country ISO 3166-1 alpha-2 code ({@code NL} for Dutch, {@code XX} when a foreign country is unknown),
 *                {@code null} when missing or invalid
 */
public record PostcodeReading(Kind kind, String pc4, String country) {

    /** ISO 3166 user-assigned code, used when a postcode is clearly foreign but the country is not given. */
    public static final String UNKNOWN_COUNTRY = "XX";

    public enum Kind { DUTCH, FOREIGN, INVALID, MISSING }

    public PostcodeReading {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.DUTCH) != (pc4 != null)) {
            throw new IllegalArgumentException("a PC4 belongs to a Dutch postcode, and only there");
        }
    }

    public static PostcodeReading dutch(String pc4) {
        return new PostcodeReading(Kind.DUTCH, pc4, "NL");
    }

    public static PostcodeReading foreign(String country) {
        return new PostcodeReading(Kind.FOREIGN, null, Objects.requireNonNull(country));
    }

    public static PostcodeReading invalid() {
        return new PostcodeReading(Kind.INVALID, null, null);
    }

    public static PostcodeReading missing() {
        return new PostcodeReading(Kind.MISSING, null, null);
    }
}
