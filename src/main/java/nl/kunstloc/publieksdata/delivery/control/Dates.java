package nl.kunstloc.publieksdata.delivery.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates as exports write them: {@code 01-03-2024}, {@code 1-3-2024}, {@code 2024-03-01},
 * {@code 01/03/2024}, {@code 01.03.2024}, ISO date-times and {@code 01-03-2024 19:30}.
 * Slashes are read day first ({@code 03/01/2024} is 3 January): the exports come from Dutch systems.
 * The time of day is dropped; the analysis works per day.
 */
public final class Dates {

    /** The date part, then optionally a time ({@code T} or space) with anything after it (seconds, zone). */
    private static final Pattern DATE_THEN_TIME =
            Pattern.compile("([0-9./\\-]+)(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+\\-]\\d{2}:?\\d{2})?)?");


    /** Earlier or later than this is a placeholder (Excel's day zero is 1900) or a typo, not an order. */
    private static final int FIRST_YEAR = 1990;
    private static final int LAST_YEAR = 2100;

    private Dates() {
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = text.strip();
        if (onlyDatePart(stripped)) {
            // what DATE_THEN_TIME matches without a time: the whole text is its first group
            return date(stripped);
        }
        Matcher m = DATE_THEN_TIME.matcher(stripped);
        if (!m.matches()) {
            return Optional.empty();
        }
        return date(m.group(1));
    }

    /** Nothing but {@code [0-9./-]}, at least one: the expression's first group and nothing after it. */
    private static boolean onlyDatePart(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '/' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * The date part: three groups of digits split by one separator, the year of
     * four digits. By hand rather than with a {@code DateTimeFormatter} per format, because this runs twice
     * for every row of a million-row export and a failed formatter costs an exception.
     */
    private static Optional<LocalDate> date(String text) {
        int first = firstNonDigit(text, 0);
        if (first <= 0 || first >= text.length()) {
            return Optional.empty();
        }
        char separator = text.charAt(first);
        int second = firstNonDigit(text, first + 1);
        if (second == first + 1 || second >= text.length() || text.charAt(second) != separator
                || firstNonDigit(text, second + 1) != text.length() || second + 1 == text.length()) {
            return Optional.empty();
        }
        // the three groups a, b, c, read in place
        int aLength = first;
        int bLength = second - first - 1;
        int cLength = text.length() - second - 1;
        // 2024-03-01, 2024/03/01; 01-03-2024, 01/03/2024, 01.03.2024 (a year first with dots is not Dutch)
        boolean yearFirst = aLength == 4 && cLength <= 2 && separator != '.';
        boolean yearLast = cLength == 4 && aLength <= 2;
        if (bLength > 2 || !(yearFirst || yearLast)) {
            return Optional.empty();
        }
        int a = Integer.parseInt(text, 0, first, 10);
        int b = Integer.parseInt(text, first + 1, second, 10);
        int c = Integer.parseInt(text, second + 1, text.length(), 10);
        int year = yearFirst ? a : c;
        int day = yearFirst ? c : a;
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, b, day));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    private static int firstNonDigit(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
