package nl.kunstloc.publieksdata.agreement.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agreement numbers: "VO-" + year + "-" + a four-digit sequence that restarts every year
 * (VO-2026-0001, VO-2026-0002, …). People quote them on the phone, so they are short and stable.
 */
public final class AgreementNumber {

    private static final Pattern NUMBER = Pattern.compile("VO-(\\d{4})-(\\d{4})");
    static final int MAX_PER_YEAR = 9999;

    private AgreementNumber() {
    }

    public static String of(int year, int sequence) {
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (sequence < 1 || sequence > MAX_PER_YEAR) {
            throw new IllegalArgumentException("sequence must be 1.." + MAX_PER_YEAR + ", was " + sequence);
        }
        return "VO-%04d-%04d".formatted(year, sequence);
    }

    /** The year's prefix for a LIKE query: "VO-2026-". */
    public static String prefix(int year) {
        return "VO-%04d-".formatted(year);
    }

    /**
     * The number after the highest one given out this year.
     *
     * @param highestThisYear the highest number of that year so far, or null for the first
     */
    public static String next(int year, String highestThisYear) {
        if (highestThisYear == null) {
            return of(year, 1);
        }
        Matcher m = NUMBER.matcher(highestThisYear);
        if (!m.matches() || Integer.parseInt(m.group(1)) != year) {
            throw new IllegalArgumentException("'" + highestThisYear + "' is not an agreement number of " + year);
        }
        return of(year, Integer.parseInt(m.group(2)) + 1);
    }
}
