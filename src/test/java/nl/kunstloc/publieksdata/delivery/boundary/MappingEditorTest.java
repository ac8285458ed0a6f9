package nl.kunstloc.publieksdata.delivery.boundary;

import static nl.kunstloc.publieksdata.delivery.entity.CanonicalField.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.control.MappingDetector;
import nl.kunstloc.publieksdata.delivery.entity.FileFormat;
import nl.kunstloc.publieksdata.delivery.entity.Preview;
import org.junit.jupiter.api.Test;

class MappingEditorTest {

    static MappingEditor editor(List<String> headers, List<List<String>> rows) {
        return new MappingEditor(new Preview("x.csv", FileFormat.CSV, Optional.empty(), headers,
                MappingDetector.detect(headers, rows, Optional.empty()), rows));
    }

    @Test
    void saysWhatIsMissingAndWhatTheAbsenceMeansAsTheUserChooses() {
        MappingEditor editor = editor(List.of("Wanneer", "Waar", "E-mail", "Naam"),
                List.of(List.of("tekst", "tekst", "a@example.nl", "A"), List.of("tekst", "tekst", "b@example.nl", "B")));
        assertThat(editor.isComplete()).isFalse();
        assertThat(editor.getMissingRequired()).containsExactly(ORDER_DATE, POSTCODE);

        editor.getColumns().get(0).setField(ORDER_DATE);
        editor.getColumns().get(1).setField(POSTCODE);
        assertThat(editor.isComplete()).isTrue();
        // the e-mail was proposed as the customer key (no customer number): only events, orders, counts are absent
        assertThat(editor.getAbsent()).containsExactly(ORDER_ID, EVENT_NAME, TICKET_COUNT);
        assertThat(editor.getColumns().get(2).getField()).isEqualTo(CUSTOMER_ID);

        // a personal column offers the customer key only; a name can never become an event
        MappingEditor.Column name = editor.getColumns().get(3);
        assertThat(name.isPersonal()).isTrue();
        assertThat(name.getChoices()).containsExactly(CUSTOMER_ID);
        name.setField(EVENT_NAME);
        assertThat(name.getField()).isNull();

        editor.getColumns().get(2).setField(null);
        assertThat(editor.getAbsent()).contains(CUSTOMER_ID);
        assertThat(editor.mapping().byHeader()).containsOnlyKeys("Wanneer", "Waar");
    }

    @Test
    void theReasonGoesWhenTheUserChoosesOtherwise() {
        MappingEditor editor = editor(List.of("Postcode", "Besteldatum"), List.of(List.of("5038 AB", "01-02-2024")));
        MappingEditor.Column postcode = editor.getColumns().get(0);
        assertThat(postcode.getReason()).isNotNull();
        postcode.setField(COUNTRY);
        assertThat(postcode.getReason()).isNull();
    }
}
