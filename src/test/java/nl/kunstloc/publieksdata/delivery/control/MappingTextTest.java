package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ColumnMapping;
import org.junit.jupiter.api.Test;

class MappingTextTest {

    @Test
    void a_mapping_survives_writing_and_reading_whatever_the_headers_hold() {
        Map<String, CanonicalField> byHeader = new LinkedHashMap<>();
        byHeader.put("Bestelling ID", CanonicalField.ORDER_ID);
        byHeader.put("Klant=nummer\n(oud)", CanonicalField.CUSTOMER_ID);
        byHeader.put("Prijs € %", CanonicalField.PRICE);
        ColumnMapping mapping = ColumnMapping.of(byHeader);

        assertThat(MappingText.read(MappingText.write(mapping))).isEqualTo(mapping);
    }

    @Test
    void the_signature_ignores_case_and_blanks_but_not_order() {
        String a = MappingText.signature(List.of("Order", "Klant", "Postcode"));
        assertThat(MappingText.signature(List.of(" order", "KLANT ", "postcode"))).isEqualTo(a);
        assertThat(MappingText.signature(List.of("Klant", "Order", "Postcode"))).isNotEqualTo(a);
        assertThat(MappingText.signature(List.of("Or", "derKlant", "Postcode"))).isNotEqualTo(a);
    }
}
