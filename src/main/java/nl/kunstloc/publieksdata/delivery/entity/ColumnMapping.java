package nl.kunstloc.publieksdata.delivery.entity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which column of an export (by its header text, exactly as in the file) holds which canonical field.
 * Each field comes from at most one column. Columns not in the mapping are not read.
 */
public record ColumnMapping(Map<String, CanonicalField> byHeader) implements java.io.Serializable {

    public ColumnMapping {
        Objects.requireNonNull(byHeader, "byHeader");
        if (byHeader.values().stream().distinct().count() != byHeader.size()) {
            throw new IllegalArgumentException("a canonical field can come from one column only: " + byHeader);
        }
        byHeader = Collections.unmodifiableMap(new LinkedHashMap<>(byHeader));
    }

    public static ColumnMapping of(Map<String, CanonicalField> byHeader) {
        return new ColumnMapping(byHeader);
    }

    public Optional<CanonicalField> fieldOf(String header) {
        return Optional.ofNullable(byHeader.get(header));
    }

    public Set<CanonicalField> fields() {
        return byHeader.isEmpty() ? EnumSet.noneOf(CanonicalField.class) : EnumSet.copyOf(byHeader.values());
    }

    public Set<CanonicalField> missingRequired() {
        return CanonicalField.missingRequired(fields());
    }

    /** Optional fields without a column; each absence has a rule, see {@link CanonicalField#absentOptional}. */
    public Set<CanonicalField> absentOptional() {
        return CanonicalField.absentOptional(fields());
    }
}
