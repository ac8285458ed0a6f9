package nl.kunstloc.publieksdata.delivery.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import nl.kunstloc.publieksdata.delivery.control.MappingDetector;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ColumnReason;
import nl.kunstloc.publieksdata.delivery.entity.ColumnMapping;
import nl.kunstloc.publieksdata.delivery.entity.MappingProposal;
import nl.kunstloc.publieksdata.delivery.entity.Preview;

/** The column-mapping form of the upload and problems pages: one dropdown per column of the export. */
public class MappingEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One column: its header, the field chosen, why it was proposed, and whether it is personal data
     * (dropped, unless chosen as the customer key, which is pseudonymised on reading).
     */
    public static final class Column implements Serializable {
        private static final long serialVersionUID = 1L;
        private static final CanonicalField[] PERSONAL_CHOICES = {CanonicalField.CUSTOMER_ID};
        private final int index;
        private final String header;
        private final boolean personal;
        private final ColumnReason proposedReason;
        private final CanonicalField proposed;
        private CanonicalField field;

        Column(int index, String header, boolean personal, CanonicalField field, ColumnReason reason) {
            this.index = index;
            this.header = header;
            this.personal = personal;
            this.field = field;
            this.proposed = field;
            this.proposedReason = reason;
        }

        public int getIndex() { return index; }
        public String getHeader() { return header; }
        public boolean isPersonal() { return personal; }
        public CanonicalField getField() { return field; }

        /** A personal-data column can only become the customer key: anything else would store it. */
        public void setField(CanonicalField field) {
            this.field = personal && field != CanonicalField.CUSTOMER_ID ? null : field;
        }

        public CanonicalField[] getChoices() {
            return personal ? PERSONAL_CHOICES : CanonicalField.values();
        }

        /** Why the portal proposed this column's field; none once the user chose another. */
        public ColumnReason getReason() {
            return field != null && field == proposed ? proposedReason : null;
        }
    }

    private final List<Column> columns = new ArrayList<>();

    public MappingEditor(Preview preview) {
        MappingProposal proposal = preview.proposal();
        List<String> headers = preview.headers();
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i);
            boolean personal = MappingDetector.isPersonal(h);
            CanonicalField field = proposal.mapping().fieldOf(h).orElse(null);
            if (personal && field != CanonicalField.CUSTOMER_ID) {
                field = null;
            }
            columns.add(new Column(i, h, personal, field, proposal.reason(h).orElse(null)));
        }
    }

    public List<Column> getColumns() {
        return columns;
    }

    public CanonicalField[] getFields() {
        return CanonicalField.values();
    }

    /** @throws IllegalArgumentException when one field is chosen for two columns */
    public ColumnMapping mapping() {
        Map<String, CanonicalField> byHeader = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.field != null && c.header != null && !c.header.isBlank()) {
                byHeader.put(c.header, c.field);
            }
        }
        return ColumnMapping.of(byHeader);
    }

    /** Required fields no column is chosen for yet: the import is refused until they are. */
    public List<CanonicalField> getMissingRequired() {
        return sorted(CanonicalField.missingRequired(chosenFields()));
    }

    /** Optional fields no column is chosen for, each with the rule its absence brings. */
    public List<CanonicalField> getAbsent() {
        return sorted(CanonicalField.absentOptional(chosenFields()));
    }

    public boolean isComplete() {
        return getMissingRequired().isEmpty();
    }

    private Set<CanonicalField> chosenFields() {
        Set<CanonicalField> chosen = EnumSet.noneOf(CanonicalField.class);
        for (Column c : columns) {
            if (c.field != null) {
                chosen.add(c.field);
            }
        }
        return chosen;
    }

    private static List<CanonicalField> sorted(Set<CanonicalField> fields) {
        return fields.stream().sorted().toList();
    }

    public List<String> headers() {
        return columns.stream().map(Column::getHeader).toList();
    }
}
