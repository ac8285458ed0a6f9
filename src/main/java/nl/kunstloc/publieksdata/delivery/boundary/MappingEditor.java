package nl.kunstloc.publieksdata.delivery.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ColumnMapping;
import nl.kunstloc.publieksdata.delivery.entity.MappingProposal;
import nl.kunstloc.publieksdata.delivery.entity.Preview;

/** The column-mapping form of the upload and problems pages: one dropdown per column of the export. */
public class MappingEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One column: its header, the field chosen, and whether it is personal data (dropped, not selectable). */
    public static final class Column implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int index;
        private final String header;
        private final boolean personal;
        private CanonicalField field;

        Column(int index, String header, boolean personal, CanonicalField field) {
            this.index = index;
            this.header = header;
            this.personal = personal;
            this.field = field;
        }

        public int getIndex() { return index; }
        public String getHeader() { return header; }
        public boolean isPersonal() { return personal; }
        public CanonicalField getField() { return field; }
        public void setField(CanonicalField field) { this.field = personal ? null : field; }
    }

    private final List<Column> columns = new ArrayList<>();

    public MappingEditor(Preview preview) {
        MappingProposal proposal = preview.proposal();
        List<String> headers = preview.headers();
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i);
            boolean personal = proposal.personalColumns().contains(h);
            columns.add(new Column(i, h, personal, personal ? null : proposal.mapping().fieldOf(h).orElse(null)));
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

    public List<String> headers() {
        return columns.stream().map(Column::getHeader).toList();
    }
}
