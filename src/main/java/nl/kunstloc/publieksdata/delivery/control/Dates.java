package nl.kunstloc.publieksdata.delivery.control;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
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

    private static final List<DateTimeFormatter> FORMATS = List.of(
            strict("uuuu-M-d"), strict("d-M-uuuu"), strict("d/M/uuuu"), strict("d.M.uuuu"), strict("uuuu/M/d"));

    /** Earlier or later than this is a placeholder (Excel's day zero is 1900) or a typo, not an order. */
    private static final int FIRST_YEAR = 1990;
    private static final int LAST_YEAR = 2100;

    private Dates() {
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = DATE_THEN_TIME.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String date = m.group(1);
        for (DateTimeFormatter format : FORMATS) {
            try {
                LocalDate parsed = LocalDate.parse(date, format);
                if (parsed.getYear() >= FIRST_YEAR && parsed.getYear() <= LAST_YEAR) {
                    return Optional.of(parsed);
                }
                return Optional.empty();
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }
}
