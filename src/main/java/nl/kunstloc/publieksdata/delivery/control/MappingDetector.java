package nl.kunstloc.publieksdata.delivery.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ColumnMapping;
import nl.kunstloc.publieksdata.delivery.entity.MappingProposal;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;

/** Works out which column of an export is which field, from the header row alone. */
public final class MappingDetector {

    /** Fewer matching headers than this is a coincidence (every system has "Postcode"), not a system. */
    static final int MIN_PRESET_MATCHES = 5;

    private MappingDetector() {
    }

    /** The best matching system and its mapping. */
    public static MappingProposal detect(List<String> headers) {
        return detect(headers, Optional.empty());
    }

    /** As {@link #detect(List)}, but with the system given by the user instead of guessed. */
    public static MappingProposal detect(List<String> headers, Optional<TicketingSystem> system) {
        TicketingSystem chosen = system.orElseGet(() -> bestPreset(headers));
        Map<String, CanonicalField> preset = HeaderVocabulary.PRESETS.getOrDefault(chosen, Map.of());
        Map<String, CanonicalField> byHeader = new LinkedHashMap<>();
        Set<CanonicalField> taken = EnumSet.noneOf(CanonicalField.class);
        // two passes: the system's own names win over generic synonyms elsewhere in the row
        for (String header : headers) {
            CanonicalField field = preset.get(HeaderVocabulary.key(header));
            if (field != null && taken.add(field)) {
                byHeader.put(header, field);
            }
        }
        for (String header : headers) {
            if (!byHeader.containsKey(header)) {
                HeaderVocabulary.synonym(header).filter(taken::add).ifPresent(f -> byHeader.put(header, f));
            }
        }
        return proposal(chosen, headers, new ColumnMapping(byHeader));
    }

    /**
     * The user's own mapping. A column that looks like personal data may only be mapped as the customer id
     * (which is pseudonymised): anything else would store it.
     *
     * @throws IllegalArgumentException when the mapping names a header the file does not have, or maps a
     *                                  personal-data column to a field other than the customer id
     */
    public static MappingProposal withMapping(List<String> headers, TicketingSystem system, ColumnMapping mapping) {
        mapping.byHeader().forEach((header, field) -> {
            if (!headers.contains(header)) {
                throw new IllegalArgumentException("no column named " + header);
            }
            if (field != CanonicalField.CUSTOMER_ID && HeaderVocabulary.isPersonal(header)
                    && HeaderVocabulary.synonym(header).isEmpty()) {
                throw new IllegalArgumentException("column " + header + " holds personal data and cannot be " + field);
            }
        });
        return proposal(system, headers, mapping);
    }

    private static MappingProposal proposal(TicketingSystem system, List<String> headers, ColumnMapping mapping) {
        List<String> personal = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (String header : headers) {
            if (mapping.fieldOf(header).isEmpty()) {
                (HeaderVocabulary.isPersonal(header) ? personal : unused).add(header);
            }
        }
        return new MappingProposal(system, mapping, mapping.missingRequired(), personal, unused);
    }

    private static TicketingSystem bestPreset(List<String> headers) {
        TicketingSystem best = TicketingSystem.OTHER;
        int bestScore = MIN_PRESET_MATCHES - 1;
        for (TicketingSystem system : TicketingSystem.values()) {
            Map<String, CanonicalField> preset = HeaderVocabulary.PRESETS.getOrDefault(system, Map.of());
            int score = (int) headers.stream().map(HeaderVocabulary::key).distinct().filter(preset::containsKey).count();
            if (score > bestScore) {
                best = system;
                bestScore = score;
            }
        }
        return best;
    }
}
