package nl.kunstloc.publieksdata.delivery.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ColumnMapping;
import nl.kunstloc.publieksdata.delivery.entity.MappingProposal;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;

/**
 * The mapping an upload through the API asks for, and the one it gets (see docs/api.md):
 * <ul>
 *   <li>{@code ?map=Header:FIELD}, repeated: the whole mapping, column by column (columns not named are not read);</li>
 *   <li>{@code ?mapping=<number>}: a mapping the institution saved (listed by {@code GET /api/v1/mappings});</li>
 *   <li>{@code ?mapping=<preset>}: a ticketing system's names ({@code ticketmatic}, ...) to recognise the columns by;</li>
 *   <li>neither: the mapping saved for this header row (a first upload through the screens saves it), else detection.</li>
 * </ul>
 * Whatever the way, a mapping that leaves a required field unmapped is refused: that delivery could never pass.
 */
public final class ApiMapping {

    /** What the request asked for, checked without the file. */
    public record Request(Optional<TicketingSystem> preset, Optional<Long> savedMapping, Map<String, CanonicalField> pairs) {

        public Request {
            pairs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
        }

        public static final Request NONE = new Request(Optional.empty(), Optional.empty(), Map.of());
    }

    private ApiMapping() {
    }

    /**
     * @param mapping the {@code mapping} parameter: a preset name or the number of a saved mapping, or null
     * @param pairs   the {@code map} parameters, each {@code Header:FIELD} (split at the last colon: a header may hold one)
     * @throws MappingRefusedException (in the request) for an unknown preset or field, a malformed or repeated pair,
     *                                 or a saved mapping together with pairs
     */
    public static Request parse(String mapping, List<String> pairs) {
        Optional<TicketingSystem> preset = Optional.empty();
        Optional<Long> saved = Optional.empty();
        if (mapping != null && !mapping.isBlank()) {
            String name = mapping.strip();
            if (name.chars().allMatch(Character::isDigit)) {
                try {
                    saved = Optional.of(Long.valueOf(name));
                } catch (NumberFormatException e) {
                    throw MappingRefusedException.badRequest("delivery.api.unknownMapping", name);
                }
            } else {
                // unknown names keep their old code (delivery.upload.unknownPreset), which scripts may test for
                preset = Deliveries.preset(name);
            }
        }
        Map<String, CanonicalField> byHeader = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int colon = pair.lastIndexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw MappingRefusedException.badRequest("delivery.api.badPair", pair);
            }
            String header = pair.substring(0, colon);
            String fieldName = pair.substring(colon + 1).strip().toUpperCase(Locale.ROOT).replace('-', '_');
            CanonicalField field;
            try {
                field = CanonicalField.valueOf(fieldName);
            } catch (IllegalArgumentException e) {
                throw MappingRefusedException.badRequest("delivery.api.unknownField", pair.substring(colon + 1).strip(), fieldNames());
            }
            if (byHeader.containsKey(header) || byHeader.containsValue(field)) {
                throw MappingRefusedException.badRequest("delivery.api.duplicatePair", pair);
            }
            byHeader.put(header, field);
        }
        if (saved.isPresent() && !byHeader.isEmpty()) {
            throw MappingRefusedException.badRequest("delivery.api.twoMappings");
        }
        return new Request(preset, saved, byHeader);
    }

    /**
     * The mapping this file is delivered with.
     *
     * @param proposed what the upload's preview proposes: the layout's saved mapping, else the detected one
     * @param saved    the institution's saved mapping by number, empty when it has none of that number
     * @throws MappingRefusedException for a saved mapping that does not exist (in the request); a column the
     *                                 file lacks, personal data mapped to another field than the customer id, or
     *                                 a required field left unmapped (not for this file)
     */
    public static MappingProposal resolve(Request request, List<String> headers, MappingProposal proposed,
                                          LongFunction<Optional<ColumnMapping>> saved) {
        MappingProposal result;
        if (!request.pairs().isEmpty()) {
            Map<String, CanonicalField> byHeader = new LinkedHashMap<>();
            request.pairs().forEach((given, field) -> byHeader.put(column(given, headers), field));
            result = own(headers, proposed.system(), new ColumnMapping(byHeader));
        } else if (request.savedMapping().isPresent()) {
            long number = request.savedMapping().get();
            ColumnMapping mapping = saved.apply(number)
                    .orElseThrow(() -> MappingRefusedException.badRequest("delivery.api.unknownMapping", String.valueOf(number)));
            mapping.byHeader().keySet().forEach(h -> column(h, headers));
            result = own(headers, proposed.system(), mapping);
        } else {
            result = proposed;
        }
        if (!result.missingRequired().isEmpty()) {
            throw MappingRefusedException.missingRequired(result.missingRequired(), result.mapping(), headers);
        }
        return result;
    }

    private static MappingProposal own(List<String> headers, TicketingSystem system, ColumnMapping mapping) {
        try {
            return MappingDetector.withMapping(headers, system, mapping);
        } catch (IllegalArgumentException e) {
            // the only other refusal of withMapping (an absent header) is ruled out by column() before
            throw MappingRefusedException.notForThisFile("delivery.api.personalColumn", headers, e.getMessage());
        }
    }

    /**
     * The file's header a client means: exactly as written, else the one header equal to it ignoring case and
     * surrounding blanks (a script should not fail on "postcode" for "Postcode").
     */
    private static String column(String given, List<String> headers) {
        if (headers.contains(given)) {
            return given;
        }
        List<String> alike = headers.stream().filter(h -> h != null && h.strip().equalsIgnoreCase(given.strip())).distinct().toList();
        if (alike.size() == 1) {
            return alike.get(0);
        }
        throw MappingRefusedException.notForThisFile("delivery.api.unknownColumn", headers, given);
    }

    private static String fieldNames() {
        return String.join(", ", java.util.Arrays.stream(CanonicalField.values()).map(Enum::name).toList());
    }
}
