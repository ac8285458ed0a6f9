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
