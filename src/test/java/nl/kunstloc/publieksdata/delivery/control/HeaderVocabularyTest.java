package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderVocabularyTest {

    private static final List<String> CELLS = List.of("Aantal tickets", " aantal_tickets ", "Aantal-Tickets", "Order #",
            "Ordernr", "Bestelling ID", "Bestelling", "Événement", "Evenement", "Prijs (€)", "Prijs", "T123", "5038 AB",
            "", "#", "Besteldatum", "Bestel datum!", "Ticketsaantal", "ÄANTAL", "aantal");

    @Test
    void hasKeyAgreesWithKeyForEveryPairOfCells() {
        for (String header : CELLS) {
            String key = HeaderVocabulary.key(header);
            for (String cell : CELLS) {
                assertThat(HeaderVocabulary.hasKey(cell, key))
                        .as("hasKey(%s, key(%s) = %s)", cell, header, key)
                        .isEqualTo(HeaderVocabulary.key(cell).equals(key));
            }
        }
    }

    @Test
    void aRepeatedHeaderIsRecognisedWhateverItsCaseAndPunctuation() {
        assertThat(HeaderVocabulary.hasKey("AANTAL_TICKETS", "aantaltickets")).isTrue();
        assertThat(HeaderVocabulary.hasKey("Order #", "ordernr")).isTrue();
        assertThat(HeaderVocabulary.hasKey("Évènement", "evenement")).isTrue();
        assertThat(HeaderVocabulary.hasKey("T123", "bestellingid")).isFalse();
        assertThat(HeaderVocabulary.hasKey(null, "")).isTrue();
    }

    @Test
    void aUnitOrTaxNoteAfterANameChangesNothing() {
        assertThat(HeaderVocabulary.synonym("Bedrag (EUR)")).contains(nl.kunstloc.publieksdata.delivery.entity.CanonicalField.PRICE);
        assertThat(HeaderVocabulary.synonym("Total Paid (USD)")).contains(nl.kunstloc.publieksdata.delivery.entity.CanonicalField.PRICE);
        assertThat(HeaderVocabulary.synonym("Prijs incl. BTW")).contains(nl.kunstloc.publieksdata.delivery.entity.CanonicalField.PRICE);
        assertThat(HeaderVocabulary.synonym("Date attending")).contains(nl.kunstloc.publieksdata.delivery.entity.CanonicalField.EVENT_DATE);
        assertThat(HeaderVocabulary.synonym("Opmerking (EUR)")).isEmpty();
    }
}
