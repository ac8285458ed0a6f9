package nl.kunstloc.publieksdata.delivery.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ColumnMapping;
import nl.kunstloc.publieksdata.delivery.entity.ColumnReason;
import nl.kunstloc.publieksdata.delivery.entity.MappingProposal;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;

/**
 * Works out which column of an export is which field: from the header (a system's own names, then common
 * names), then from the values of the first rows (dates, Dutch postcodes, small whole numbers, amounts),
 * and records why for each column ({@link ColumnReason}).
 */
public final class MappingDetector {

    /**
     * A file is recognised as a system when at least this many of its headers are names only that system
     * writes ({@link HeaderVocabulary#SIGNATURES}): "Postcode" and "Country" prove nothing.
     */
    static final int MIN_DISTINCTIVE_MATCHES = 3;
    /** Rows sampled below the header for recognising columns by their values. */
    public static final int SAMPLE_ROWS = 200;
    /** Share of a column's non-empty sampled values that must fit a kind. */
    private static final double FIT = 0.8;

    private static final Pattern DUTCH_POSTCODE = Pattern.compile("[1-9]\\d{3} ?[A-Za-z]{2}");
    private static final Pattern WITH_CENTS = Pattern.compile(".*\\d[.,]\\d{2}\\s*-?\\)?\\s*$|.*[€$£].*|(?i).*eur.*");
    /** Headers of numbers that are no ticket count: ids, seats, ages, times. */
    private static final List<String> NOT_A_COUNT = List.of("id", "nr", "nummer", "number", "code", "stoel", "seat",
            "rij", "row", "zaal", "leeftijd", "age", "jaar", "year", "maand", "month", "week", "dag", "day", "uur",
            "hour", "tijd", "time", "pc", "post", "zip", "btw", "vat", "tax");

    private MappingDetector() {
    }

    /** The best matching system and its mapping, from the headers alone. */
    public static MappingProposal detect(List<String> headers) {
        return detect(headers, List.of(), Optional.empty());
    }

    /** As {@link #detect(List)}, but with the system given by the user instead of guessed. */
    public static MappingProposal detect(List<String> headers, Optional<TicketingSystem> system) {
        return detect(headers, List.of(), system);
    }

    /**
     * From the headers and the first rows below them.
     *
     * @param samples rows below the header (at most {@link #SAMPLE_ROWS} are looked at), cells by column
     */
    public static MappingProposal detect(List<String> headers, List<List<String>> samples, Optional<TicketingSystem> system) {
        TicketingSystem chosen = system.orElseGet(() -> bestPreset(headers));
        Map<String, CanonicalField> preset = HeaderVocabulary.PRESETS.getOrDefault(chosen, Map.of());
        Map<String, CanonicalField> byHeader = new LinkedHashMap<>();
        Map<String, ColumnReason> reasons = new LinkedHashMap<>();
        Set<CanonicalField> taken = EnumSet.noneOf(CanonicalField.class);
        // the system's own names win over generic synonyms elsewhere in the row
        for (String header : headers) {
            CanonicalField field = preset.get(HeaderVocabulary.key(header));
            if (field != null && !byHeader.containsKey(header) && taken.add(field)) {
                byHeader.put(header, field);
                reasons.put(header, new ColumnReason(header, field, ColumnReason.Kind.PRESET, chosen.name(), 0, 0));
            }
        }
        for (String header : headers) {
            if (!byHeader.containsKey(header)) {
                HeaderVocabulary.synonym(header).filter(taken::add).ifPresent(f -> {
                    byHeader.put(header, f);
                    reasons.put(header, ColumnReason.of(header, f, ColumnReason.Kind.HEADER));
                });
            }
        }
        byValues(headers, samples, byHeader, reasons, taken);
        if (!taken.contains(CanonicalField.CUSTOMER_ID)) {
            // a per-attendee report has no customer number; its e-mail address is the key, pseudonymised at once
            for (String header : headers) {
                if (!byHeader.containsKey(header) && isEmail(header)) {
                    byHeader.put(header, CanonicalField.CUSTOMER_ID);
                    reasons.put(header, ColumnReason.of(header, CanonicalField.CUSTOMER_ID, ColumnReason.Kind.PERSONAL_KEY));
                    break;
                }
            }
        }
        return proposal(chosen, headers, new ColumnMapping(byHeader), reasons);
    }

    /** Whether a header looks like personal data: such a column can only be the (pseudonymised) customer id. */
    public static boolean isPersonal(String header) {
        // "Event name", "locationname", "tickettypename" are fields under a system's or a common name
        return HeaderVocabulary.isPersonal(header) && HeaderVocabulary.synonym(header).isEmpty()
                && !HeaderVocabulary.isPresetName(header);
    }

    private static boolean isEmail(String header) {
        return HeaderVocabulary.key(header).contains("mail");
    }

    /**
     * The user's own mapping. A column that looks like personal data may only be mapped as the customer id
     * (which is pseudonymised): anything else would store it.
     *
     * @throws IllegalArgumentException when the mapping names a header the file does not have, or maps a
     *                                  personal-data column to a field other than the customer id
     */
    public static MappingProposal withMapping(List<String> headers, TicketingSystem system, ColumnMapping mapping) {
        return withMapping(headers, system, mapping, ColumnReason.Kind.CHOSEN);
    }

    /** As {@link #withMapping(List, TicketingSystem, ColumnMapping)}, saying where the mapping came from. */
    public static MappingProposal withMapping(List<String> headers, TicketingSystem system, ColumnMapping mapping,
                                              ColumnReason.Kind origin) {
        Map<String, ColumnReason> reasons = new LinkedHashMap<>();
        mapping.byHeader().forEach((header, field) -> {
            if (!headers.contains(header)) {
                throw new IllegalArgumentException("no column named " + header);
            }
            if (field != CanonicalField.CUSTOMER_ID && isPersonal(header)) {
                throw new IllegalArgumentException("column " + header + " holds personal data and cannot be " + field);
            }
            reasons.put(header, ColumnReason.of(header, field, origin));
        });
        return proposal(system, headers, mapping, reasons);
    }

    private static MappingProposal proposal(TicketingSystem system, List<String> headers, ColumnMapping mapping,
                                            Map<String, ColumnReason> reasons) {
        List<String> personal = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (String header : headers) {
            if (mapping.fieldOf(header).isEmpty()) {
                (HeaderVocabulary.isPersonal(header) ? personal : unused).add(header);
            }
        }
        return new MappingProposal(system, mapping, mapping.missingRequired(), personal, unused, reasons);
    }

    private static TicketingSystem bestPreset(List<String> headers) {
        TicketingSystem best = TicketingSystem.OTHER;
        int bestScore = MIN_DISTINCTIVE_MATCHES - 1;
        List<String> keys = headers.stream().map(HeaderVocabulary::key).distinct().toList();
        for (TicketingSystem system : TicketingSystem.values()) {
            Set<String> distinctive = HeaderVocabulary.SIGNATURES.getOrDefault(system, Set.of());
            int score = (int) keys.stream().filter(distinctive::contains).count();
            if (score > bestScore) {
                best = system;
                bestScore = score;
            }
        }
        return best;
    }

    // ----- by values

    /** What a column's sampled values look like. */
    private record Profile(int index, String header, int values, int dates, int postcodes, int smallWholes, int amounts,
                           int withCents) {
        boolean fits(int n) {
            return values > 0 && n >= Math.ceil(values * FIT);
        }
    }

    private static void byValues(List<String> headers, List<List<String>> samples, Map<String, CanonicalField> byHeader,
                                 Map<String, ColumnReason> reasons, Set<CanonicalField> taken) {
        if (samples.isEmpty()) {
            return;
        }
        List<Profile> free = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (header.isBlank() || byHeader.containsKey(header) || HeaderVocabulary.isPersonal(header)
                    || HeaderVocabulary.isRowId(header) || headers.indexOf(header) != i) {
                continue;
            }
            free.add(profile(i, header, samples));
        }
        if (!taken.contains(CanonicalField.POSTCODE)) {
            free.stream().filter(p -> p.fits(p.postcodes))
                    .max((a, b) -> Double.compare((double) a.postcodes / a.values, (double) b.postcodes / b.values))
                    .ifPresent(p -> assign(p, CanonicalField.POSTCODE, ColumnReason.Kind.VALUES, p.postcodes,
                            byHeader, reasons, taken, free));
        }
        List<Profile> dates = free.stream().filter(p -> p.fits(p.dates)).toList();
        if (!taken.contains(CanonicalField.ORDER_DATE) && dates.size() == 1) {
            Profile p = dates.get(0);
            // "Datum" alone says nothing; as the file's only column of dates it is the sale (or visit) date
            assign(p, CanonicalField.ORDER_DATE, ColumnReason.Kind.ONLY_DATE, p.dates, byHeader, reasons, taken, free);
        }
        if (!taken.contains(CanonicalField.TICKET_COUNT)) {
            List<Profile> counts = free.stream().filter(p -> p.fits(p.smallWholes) && !p.fits(p.withCents)
                    && NOT_A_COUNT.stream().noneMatch(HeaderVocabulary.key(p.header)::contains)).toList();
            if (counts.size() == 1) {
                assign(counts.get(0), CanonicalField.TICKET_COUNT, ColumnReason.Kind.VALUES, counts.get(0).smallWholes,
                        byHeader, reasons, taken, free);
            }
        }
        if (!taken.contains(CanonicalField.PRICE)) {
            List<Profile> amounts = free.stream().filter(p -> p.fits(p.amounts) && p.fits(p.withCents)
                    && !p.fits(p.dates)).toList();
            if (amounts.size() == 1) {
                assign(amounts.get(0), CanonicalField.PRICE, ColumnReason.Kind.VALUES, amounts.get(0).amounts,
                        byHeader, reasons, taken, free);
            }
        }
    }

    private static void assign(Profile p, CanonicalField field, ColumnReason.Kind kind, int matched,
                               Map<String, CanonicalField> byHeader, Map<String, ColumnReason> reasons,
                               Set<CanonicalField> taken, List<Profile> free) {
        byHeader.put(p.header, field);
        reasons.put(p.header, new ColumnReason(p.header, field, kind, null, matched, p.values));
        taken.add(field);
        free.remove(p);
    }

    private static Profile profile(int index, String header, List<List<String>> samples) {
        int values = 0;
        int dates = 0;
        int postcodes = 0;
        int smallWholes = 0;
        int amounts = 0;
        int withCents = 0;
        int rows = Math.min(samples.size(), SAMPLE_ROWS);
        for (int r = 0; r < rows; r++) {
            List<String> row = samples.get(r);
            String cell = index < row.size() && row.get(index) != null ? row.get(index).strip() : "";
            if (cell.isEmpty()) {
                continue;
            }
            values++;
            if (DUTCH_POSTCODE.matcher(cell).matches()) {
                postcodes++;
                continue;
            }
            if (Dates.parse(cell).isPresent()) {
                dates++;
                continue;
            }
            Optional<Integer> whole = Amounts.parseWhole(cell);
            if (whole.isPresent() && Math.abs(whole.get()) <= DeliveryReader.OUTLIER_TICKETS && cell.matches("-?\\d{1,2}")) {
                smallWholes++;
            }
            if (Amounts.parse(cell).isPresent()) {
                amounts++;
                if (WITH_CENTS.matcher(cell).matches()) {
                    withCents++;
                }
            }
        }
        return new Profile(index, header, values, dates, postcodes, smallWholes, amounts, withCents);
    }
}
