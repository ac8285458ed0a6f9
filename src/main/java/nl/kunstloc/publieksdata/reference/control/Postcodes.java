package nl.kunstloc.publieksdata.reference.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.kunstloc.publieksdata.reference.entity.PostcodeReading;

/**
 * Rules for Dutch postcodes as they appear in ticketing exports: typed by customers, so with any
 * spacing, case and the odd hyphen.
 */
public final class Postcodes {

    private static final Pattern PC6 = Pattern.compile("[1-9]\\d{3}[A-Z]{2}");
    private static final Pattern PC4 = Pattern.compile("[1-9]\\d{3}");
    private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");
    /**
     * Postcodes of the neighbours as they come out of a normalised cell: a country letter before the
     * digits (B2000, D52062, L1234, F75001), a UK postcode (SW1A1AA), five digits (DE, FR, ES, IT, US).
     */
    private static final Pattern FOREIGN_LOOKING = Pattern.compile(
            "\\d{5}|(B|BE|D|DE|F|FR|L|LU|CH|A|AT)\\d{4,5}|[A-Z]{1,2}\\d[A-Z\\d]?\\d[A-Z]{2}");
    /** What is left after removing spaces and hyphens; anything else is not a postcode we could repair. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\-.]+");

    /** PostNL never issues these letter pairs (they recall the occupation years), so they mark a typo. */
    private static final java.util.Set<String> UNUSED_LETTERS = java.util.Set.of("SA", "SD", "SS");

    /** Country spellings seen in exports, after {@link #simplify}; ISO 3166-1 alpha-2 as value. */
    private static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("nl", "NL"), Map.entry("nld", "NL"), Map.entry("nederland", "NL"),
            Map.entry("netherlands", "NL"), Map.entry("thenetherlands", "NL"), Map.entry("holland", "NL"),
            Map.entry("be", "BE"), Map.entry("bel", "BE"), Map.entry("belgie", "BE"), Map.entry("belgium", "BE"),
            Map.entry("belgique", "BE"), Map.entry("belgien", "BE"),
            Map.entry("de", "DE"), Map.entry("deu", "DE"), Map.entry("duitsland", "DE"), Map.entry("germany", "DE"),
            Map.entry("deutschland", "DE"),
            Map.entry("fr", "FR"), Map.entry("frankrijk", "FR"), Map.entry("france", "FR"),
            Map.entry("lu", "LU"), Map.entry("luxemburg", "LU"), Map.entry("luxembourg", "LU"),
            Map.entry("gb", "GB"), Map.entry("uk", "GB"), Map.entry("verenigdkoninkrijk", "GB"),
            Map.entry("unitedkingdom", "GB"), Map.entry("engeland", "GB"),
            Map.entry("es", "ES"), Map.entry("spanje", "ES"), Map.entry("spain", "ES"),
            Map.entry("us", "US"), Map.entry("usa", "US"), Map.entry("verenigdestaten", "US"),
            Map.entry("unitedstates", "US"));

    private Postcodes() {
    }

    /**
     * {@code "5038 ab"}, {@code " 5038-ab "} and {@code "5038AB"} all become {@code "5038AB"}.
     * Returns the cleaned text even when it is not a valid postcode, so callers can show what was found.
     */
    public static String normalise(String postcode) {
        if (postcode == null) {
            return "";
        }
        if (normalised(postcode)) {
            return postcode; // already what the loop below would make of it (the second and third call per row)
        }
        String stripped = postcode.strip();
        StringBuilder out = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append((char) (c - ('a' - 'A')));
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (c != ' ' && c != '-' && c != '.') {
                // anything rarer takes the general rule; the loop spares every row the regular expression
                return SEPARATORS.matcher(stripped).replaceAll("").toUpperCase(Locale.ROOT);
            }
        }
        return out.toString();
    }

    /** Only upper-case letters A-Z and digits: nothing for {@link #normalise} to change. */
    private static boolean normalised(String postcode) {
        for (int i = 0; i < postcode.length(); i++) {
            char c = postcode.charAt(i);
            if ((c < 'A' || c > 'Z') && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** A valid Dutch PC6 (after normalising): four digits not starting with 0, two letters, not SA/SD/SS. */
    public static boolean isValid(String postcode) {
        return isValidNormalised(normalise(postcode));
    }

    /** {@link #PC6} and not {@link #UNUSED_LETTERS}, by hand: this runs for every row of an export. */
    private static boolean isValidNormalised(String pc) {
        return pc.length() == 6 && isPc4Form(pc) && upper(pc.charAt(4)) && upper(pc.charAt(5))
                && !UNUSED_LETTERS.contains(pc.substring(4));
    }

    /** The first four characters match {@link #PC4}: a digit 1-9, then three digits. */
    private static boolean isPc4Form(String pc) {
        return pc.length() >= 4 && pc.charAt(0) >= '1' && pc.charAt(0) <= '9' && digit(pc.charAt(1))
                && digit(pc.charAt(2)) && digit(pc.charAt(3));
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** The PC4 of a valid Dutch PC6 or of a bare PC4; empty when neither. */
    public static Optional<String> pc4(String postcode) {
        String pc = normalise(postcode);
        if ((pc.length() == 4 && isPc4Form(pc)) || isValid(pc)) {
            return Optional.of(pc.substring(0, 4));
        }
        return Optional.empty();
    }

    /**
     * The ISO code for a country cell; {@code NL} for a blank cell, because exports leave it empty for
     * domestic customers. Unknown names become {@link PostcodeReading#UNKNOWN_COUNTRY}; a free-text
     * country is never kept verbatim.
     */
    public static String countryCode(String country) {
        String key = simplify(country);
        if (key.isEmpty()) {
            return "NL";
        }
        String known = COUNTRIES.get(key);
        if (known != null) {
            return known;
        }
        return key.length() == 2 ? key.toUpperCase(Locale.ROOT) : PostcodeReading.UNKNOWN_COUNTRY;
    }

    /**
     * Reads a postcode and an optional country cell. A non-Dutch country makes the postcode foreign
     * whatever it looks like (a Belgian {@code 2000} would otherwise pass as a Dutch PC4). Without a
     * country, five digits are foreign (German, French, ...) with an unknown country.
     */
    public static PostcodeReading read(String postcode, String country) {
        String pc = normalise(postcode);
        String countryCode = countryCode(country);
        if (!"NL".equals(countryCode)) {
            return PostcodeReading.foreign(countryCode);
        }
        if (pc.isEmpty()) {
            return PostcodeReading.missing();
        }
        Optional<String> pc4 = pc4(pc);
        if (pc4.isPresent()) {
            return PostcodeReading.dutch(pc4.get());
        }
        if (FOREIGN_LOOKING.matcher(pc).matches() && (country == null || country.isBlank())) {
            return PostcodeReading.foreign(PostcodeReading.UNKNOWN_COUNTRY);
        }
        return PostcodeReading.invalid();
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String simplify(String text) {
        if (text == null) {
            return "";
        }
        if (ascii(text)) {
            StringBuilder letters = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = Character.toLowerCase(text.charAt(i));
                if (c >= 'a' && c <= 'z') {
                    letters.append(c);
                }
            }
            return letters.toString();
        }
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
