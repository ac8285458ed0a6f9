package nl.kunstloc.publieksdata.delivery.entity;

import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the portal made of a header row: the system it looks like, the mapping it proposes, and what
 * the user should know before importing.
 *
 * @param system          best matching preset ({@link TicketingSystem#OTHER} when none fits)
 * @param mapping         proposed header → field mapping
 * @param missingRequired required fields no column was found for; import is not possible until mapped
 * @param personalColumns headers recognised as personal data: these are dropped on read
 * @param unusedColumns   other headers, not read
 * @param reasons         per mapped header, why it was proposed
 */
public record MappingProposal(TicketingSystem system, ColumnMapping mapping, Set<CanonicalField> missingRequired,
                              List<String> personalColumns, List<String> unusedColumns,
                              Map<String, ColumnReason> reasons) implements java.io.Serializable {

    public MappingProposal {
        missingRequired = Set.copyOf(missingRequired);
        personalColumns = List.copyOf(personalColumns);
        unusedColumns = List.copyOf(unusedColumns);
        reasons = Map.copyOf(reasons);
    }

    public MappingProposal(TicketingSystem system, ColumnMapping mapping, Set<CanonicalField> missingRequired,
                           List<String> personalColumns, List<String> unusedColumns) {
        this(system, mapping, missingRequired, personalColumns, unusedColumns, Map.of());
    }

    public Optional<ColumnReason> reason(String header) {
        return Optional.ofNullable(reasons.get(header));
    }

    /** Optional fields the file lacks: the import works, and the report says what their absence means. */
    public Set<CanonicalField> absentOptional() {
        return mapping.absentOptional();
    }

    public boolean complete() {
        return missingRequired.isEmpty();
    }
}
