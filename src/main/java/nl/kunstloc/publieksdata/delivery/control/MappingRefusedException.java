package nl.kunstloc.publieksdata.delivery.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ColumnMapping;

/**
 * The mapping an API upload asked for cannot be used, or leaves a required field unmapped: the upload is
 * refused before anything is stored. {@link #inRequest()} tells whether the request itself is wrong
 * (a pair without a field, a field or saved mapping that does not exist) or whether it does not fit
 * this file (a column the file lacks, a required field left unmapped).
 */
public class MappingRefusedException extends RuntimeException {

    private final String messageKey;
    private final boolean inRequest;
    private final transient Object[] arguments;
    private final Set<CanonicalField> missing;
    private final transient ColumnMapping mapping;
    private final List<String> columns;

    private MappingRefusedException(String messageKey, boolean inRequest, Set<CanonicalField> missing,
                                    ColumnMapping mapping, List<String> columns, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.inRequest = inRequest;
        this.arguments = arguments.clone();
        this.missing = Set.copyOf(missing);
        this.mapping = mapping;
        this.columns = List.copyOf(columns);
    }

    /** The request is wrong whatever the file: a malformed pair, an unknown field or saved mapping. */
    static MappingRefusedException badRequest(String messageKey, Object... arguments) {
        return new MappingRefusedException(messageKey, true, Set.of(), null, List.of(), arguments);
    }

    /** The mapping does not fit this file (names a column it lacks, maps personal data). */
    static MappingRefusedException notForThisFile(String messageKey, List<String> columns, Object... arguments) {
        return new MappingRefusedException(messageKey, false, Set.of(), null, columns, arguments);
    }

    /** A required field has no column: a delivery that could never pass. */
    static MappingRefusedException missingRequired(Set<CanonicalField> missing, ColumnMapping mapping, List<String> columns) {
        return new MappingRefusedException("delivery.api.missingFields", false, missing, mapping, columns,
                String.join(", ", missing.stream().sorted().map(Enum::name).toList()));
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** True: the request is wrong (HTTP 400); false: it does not fit this file (HTTP 422). */
    public boolean inRequest() {
        return inRequest;
    }

    /** The required fields no column is mapped to (empty unless that is the reason). */
    public Set<CanonicalField> missing() {
        return missing;
    }

    /** The mapping that was tried, when the reason is a missing field. */
    public Optional<ColumnMapping> mapping() {
        return Optional.ofNullable(mapping);
    }

    /** The header row of the file, when the refusal is about this file: what a client can map. */
    public List<String> columns() {
        return columns;
    }
}
