package nl.kunstloc.publieksdata.delivery.control;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads money and counts as exports write them: {@code 12,50}, {@code 12.50}, {@code 1.234,50},
 * {@code 1,234.50}, {@code € 12,50}, {@code EUR 12.50-}.
 */
public final class Amounts {

    private static final Pattern CURRENCY = Pattern.compile("(?i)€|eur|euro|\\$|usd|£|gbp|[\\s\\u00A0\\u202F']");
    private static final Pattern DIGITS_AND_SEPARATORS = Pattern.compile("\\d[\\d.,]*");

    private Amounts() {
    }

    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        BigDecimal simple = simple(text);
        if (simple != null) {
            return Optional.of(simple);
        }
        String s = CURRENCY.matcher(text).replaceAll("");
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        if (s.startsWith("-") || s.endsWith("-")) {
            negative = !negative;
            s = s.startsWith("-") ? s.substring(1) : s.substring(0, s.length() - 1);
        } else if (s.startsWith("+")) {
            s = s.substring(1);
        }
        if (!DIGITS_AND_SEPARATORS.matcher(s).matches() || s.endsWith(".") || s.endsWith(",")) {
            return Optional.empty();
        }
        String plain = withoutThousands(s);
        if (plain == null) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(plain);
        return Optional.of(negative ? value.negate() : value);
    }

    /**
     * What nearly every cell holds: digits, optionally {@code €} before them and a decimal comma or point
     * with one or two decimals ({@code 2}, {@code 12,50}, {@code € 7.5}); null for anything else, which
     * the general rules read. Spares a million-row export two regular expressions per amount.
     */
    private static BigDecimal simple(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (start < end && text.charAt(start) == '€') {
            start++;
            while (start < end && text.charAt(start) == ' ') {
                start++;
            }
        }
        int digits = start;
        while (digits < end && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        int whole = digits - start;
        if (whole == 0 || whole > 9) {
            return null;
        }
        if (digits == end) {
            return BigDecimal.valueOf(Long.parseLong(text, start, end, 10));
        }
        char separator = text.charAt(digits);
        int decimals = end - digits - 1;
        if ((separator != ',' && separator != '.') || decimals < 1 || decimals > 2) {
            return null;
        }
        for (int i = digits + 1; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        long unscaled = Long.parseLong(text, start, digits, 10) * (decimals == 1 ? 10 : 100)
                + Long.parseLong(text, digits + 1, end, 10);
        return BigDecimal.valueOf(unscaled, decimals);
    }

    /** A whole number such as a ticket count; {@code "2,0"} is 2, {@code "1,5"} is not a count. */
    public static Optional<Integer> parseWhole(String text) {
        return parse(text).flatMap(v -> {
            try {
                return Optional.of(v.stripTrailingZeros().intValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Decides which separator is the decimal one. With both present, the last one is. With one kind,
     * used once and followed by exactly three digits ({@code 1.234}), it groups thousands: prices with
     * three decimals do not occur in ticketing, thousands do.
     */
    private static String withoutThousands(String s) {
        int lastDot = s.lastIndexOf('.');
        int lastComma = s.lastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0) {
            char decimal = lastDot > lastComma ? '.' : ',';
            char grouping = decimal == '.' ? ',' : '.';
            String whole = s.substring(0, Math.max(lastDot, lastComma));
            if (whole.indexOf(decimal) >= 0 || !groupedCorrectly(whole, grouping)) {
                return null;
            }
            return whole.replace(String.valueOf(grouping), "") + "." + s.substring(Math.max(lastDot, lastComma) + 1);
        }
        char separator = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : 0;
        if (separator == 0) {
            return s;
        }
        int first = s.indexOf(separator);
        int last = s.lastIndexOf(separator);
        String before = s.substring(0, first);
        String after = s.substring(last + 1);
        if (first != last || (after.length() == 3 && !before.equals("0"))) {
            return groupedCorrectly(s, separator) ? s.replace(String.valueOf(separator), "") : null;
        }
        return before + "." + after;
    }

    private static boolean groupedCorrectly(String s, char grouping) {
        String[] groups = s.split(Pattern.quote(String.valueOf(grouping)), -1);
        if (groups.length == 1) {
            return true;
        }
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }
}
