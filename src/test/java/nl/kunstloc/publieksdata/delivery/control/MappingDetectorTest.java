package nl.kunstloc.publieksdata.delivery.control;

import static nl.kunstloc.publieksdata.delivery.entity.CanonicalField.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.ColumnMapping;
import nl.kunstloc.publieksdata.delivery.entity.MappingProposal;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MappingDetectorTest {

    @Test
    void recognisesEachVerifiedSystemByItsOwnHeadersAndNoSystemByAssumedOnes() {
        HeaderVocabulary.PRESETS.forEach((system, headers) -> {
            // the keys are normalised header names; they are valid header texts too
            MappingProposal proposal = MappingDetector.detect(List.copyOf(headers.keySet()));
            TicketingSystem expected = HeaderVocabulary.SIGNATURES.containsKey(system) ? system : TicketingSystem.OTHER;
            assertThat(proposal.system()).as("headers of %s", system).isEqualTo(expected);
            // chosen by the user (or the institution's profile), the preset maps its fields
            assertThat(MappingDetector.detect(List.copyOf(headers.keySet()), Optional.of(system)).mapping().fields())
                    .containsAll(headers.values());
        });
    }

    @Test
    void mapsAHomeGrownExportWithDutchSynonyms() {
        MappingProposal proposal = MappingDetector.detect(List.of("Bestelnummer", "Klantnummer", "Aankoopdatum",
                "Titel", "Aantal tickets", "PC", "Woonplaats", "Naam", "E-mailadres"));
        assertThat(proposal.system()).isEqualTo(TicketingSystem.OTHER);
        assertThat(proposal.mapping().byHeader()).containsEntry("Bestelnummer", ORDER_ID)
                .containsEntry("Klantnummer", CUSTOMER_ID).containsEntry("Aankoopdatum", ORDER_DATE)
                .containsEntry("Titel", EVENT_NAME).containsEntry("Aantal tickets", TICKET_COUNT)
                .containsEntry("PC", POSTCODE);
        assertThat(proposal.complete()).isTrue();
        assertThat(proposal.personalColumns()).containsExactly("Naam", "E-mailadres");
        assertThat(proposal.unusedColumns()).containsExactly("Woonplaats");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Postcode", "Zip", "Postal code", "PC", "postcode ", "POSTCODE", "Zip-code", "post_code"})
    void knowsThePostcodeByManyNames(String header) {
        assertThat(HeaderVocabulary.synonym(header)).contains(POSTCODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Aantal", "Aantal tickets", "Quantity", "Qty", "Aantal kaarten"})
    void knowsTheTicketCountByManyNames(String header) {
        assertThat(HeaderVocabulary.synonym(header)).contains(TICKET_COUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Naam", "Voornaam", "Achternaam", "First Name", "Last name", "Klantnaam", "E-mail",
            "Emailadres", "Email Address", "Telefoon", "Tel", "Phone", "Mobiel", "Straat", "Street", "Huisnummer",
            "Huisnr.", "Adres", "Address line 1", "Home Address 1", "Geboortedatum", "Date of Birth", "DOB",
            "Tussenvoegsel", "IBAN"})
    void recognisesPersonalDataColumns(String header) {
        assertThat(HeaderVocabulary.isPersonal(header)).isTrue();
        // with a customer number beside it, even an e-mail column is only personal data, dropped
        assertThat(MappingDetector.detect(List.of(header, "Ordernummer", "Klantnummer")).personalColumns())
                .containsExactly(header);
    }

    @Test
    void withoutACustomerNumberTheEmailAddressIsProposedAsTheKeyAndSaysWhy() {
        MappingProposal proposal = MappingDetector.detect(List.of("Order #", "Order Date", "First Name", "Email", "Home Zip"));
        assertThat(proposal.mapping().byHeader()).containsEntry("Email", CUSTOMER_ID);
        assertThat(proposal.personalColumns()).containsExactly("First Name");
        assertThat(proposal.reason("Email")).hasValueSatisfying(r ->
                assertThat(r.kind()).isEqualTo(nl.kunstloc.publieksdata.delivery.entity.ColumnReason.Kind.PERSONAL_KEY));
        // a name is never a key, whatever the user chooses
        assertThatThrownBy(() -> MappingDetector.withMapping(List.of("First Name", "Email"), TicketingSystem.OTHER,
                ColumnMapping.of(Map.of("First Name", EVENT_NAME)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(MappingDetector.withMapping(List.of("First Name", "Email"), TicketingSystem.OTHER,
                ColumnMapping.of(Map.of("Email", CUSTOMER_ID))).mapping().byHeader()).containsEntry("Email", CUSTOMER_ID);
    }

    @Test
    void recognisesColumnsByTheirValuesWhateverTheirHeaderAndSaysWhy() {
        List<String> headers = List.of("Datum", "Kol B", "Kol C", "Kol D", "Opmerking");
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(List.of((1 + i % 28) + "-03-2024", i < 96 ? (5000 + i) + " AB" : "onbekend", String.valueOf(1 + i % 4),
                    (10 + i % 7) + ",50", "tekst " + i));
        }
        MappingProposal proposal = MappingDetector.detect(headers, rows, Optional.empty());
        assertThat(proposal.mapping().byHeader()).containsEntry("Datum", ORDER_DATE).containsEntry("Kol B", POSTCODE)
                .containsEntry("Kol C", TICKET_COUNT).containsEntry("Kol D", PRICE).doesNotContainKey("Opmerking");
        assertThat(proposal.reason("Kol B").orElseThrow().toString()).isEqualTo("values look like POSTCODE (96 of 100)");
        assertThat(proposal.reason("Datum").orElseThrow().kind())
                .isEqualTo(nl.kunstloc.publieksdata.delivery.entity.ColumnReason.Kind.ONLY_DATE);
        assertThat(proposal.complete()).isTrue();
    }

    @Test
    void twoDateColumnsLeaveTheSaleDateToTheUser() {
        List<List<String>> rows = List.of(List.of("01-03-2024", "05-04-2024", "5038 AB"),
                List.of("02-03-2024", "06-04-2024", "5038 AB"));
        MappingProposal proposal = MappingDetector.detect(List.of("Datum", "Datum 2", "Code"), rows, Optional.empty());
        assertThat(proposal.missingRequired()).containsExactly(ORDER_DATE);
        assertThat(proposal.mapping().byHeader()).containsEntry("Code", POSTCODE);
    }

    @Test
    void aFileIsASystemOnlyWhenSeveralHeadersAreThatSystemsOwn() {
        assertThat(MappingDetector.detect(List.of("Postcode", "Land", "Datum", "Aantal", "Prijs", "Genre")).system())
                .isEqualTo(TicketingSystem.OTHER);
        assertThat(MappingDetector.detect(List.of("orderid", "customerid", "createdts", "nbroftickets", "zip")).system())
                .isEqualTo(TicketingSystem.TICKETMATIC);
        assertThat(MappingDetector.detect(List.of("Event slug", "Order code", "Order total", "Email", "Order date",
                "ZIP code", "Country", "Positions")).system()).isEqualTo(TicketingSystem.PRETIX);
        assertThat(MappingDetector.detect(List.of("Order #", "Order Date", "Email", "Quantity", "Attendee #",
                "Total Paid", "Home Zip", "Home Country")).system()).isEqualTo(TicketingSystem.EVENTBRITE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Event name", "Evenementnaam", "Venue Name", "Zaalnaam"})
    void anEventOrVenueNameIsNoPersonalName(String header) {
        assertThat(MappingDetector.detect(List.of(header)).personalColumns()).isEmpty();
    }

    @Test
    void reportsTheRequiredFieldsWithoutAColumn() {
        MappingProposal proposal = MappingDetector.detect(List.of("Ordernummer", "Aantal", "Woonplaats"));
        assertThat(proposal.complete()).isFalse();
        assertThat(proposal.missingRequired()).containsExactlyInAnyOrder(ORDER_DATE, POSTCODE);
        assertThat(proposal.absentOptional()).containsExactlyInAnyOrder(CUSTOMER_ID, EVENT_NAME);
    }

    @Test
    void aCountryIsEnoughForThePlaceAndADateForTheRest() {
        MappingProposal proposal = MappingDetector.detect(List.of("Besteldatum", "Land"));
        assertThat(proposal.complete()).isTrue();
        assertThat(proposal.absentOptional()).containsExactlyInAnyOrder(ORDER_ID, CUSTOMER_ID, EVENT_NAME, TICKET_COUNT);
    }

    @Test
    void anEventIdIsEnoughForTheEvent() {
        assertThat(MappingDetector.detect(List.of("Event ID")).absentOptional()).doesNotContain(EVENT_NAME, EVENT_ID);
    }

    @Test
    void theChosenSystemWinsOverGuessing() {
        List<String> headers = List.of("Order Date", "Quantity", "Ticket Type", "Postal Code", "Country", "Venue");
        assertThat(MappingDetector.detect(headers, Optional.of(TicketingSystem.SEE_TICKETS)).system())
                .isEqualTo(TicketingSystem.SEE_TICKETS);
    }

    @Test
    void acceptsAUserMappingButNotOfPersonalDataExceptAsCustomerId() {
        List<String> headers = List.of("Nr", "Wie", "E-mail", "Wanneer", "Wat", "Hoeveel", "Waar");
        MappingProposal proposal = MappingDetector.withMapping(headers, TicketingSystem.OTHER, ColumnMapping.of(Map.of(
                "Nr", ORDER_ID, "E-mail", CUSTOMER_ID, "Wanneer", ORDER_DATE, "Wat", EVENT_NAME, "Hoeveel", TICKET_COUNT,
                "Waar", POSTCODE)));
        assertThat(proposal.complete()).isTrue();
        assertThat(proposal.unusedColumns()).containsExactly("Wie");

        assertThatThrownBy(() -> MappingDetector.withMapping(headers, TicketingSystem.OTHER,
                ColumnMapping.of(Map.of("E-mail", VENUE)))).hasMessageContaining("personal data");
        assertThatThrownBy(() -> MappingDetector.withMapping(headers, TicketingSystem.OTHER,
                ColumnMapping.of(Map.of("Prijs", PRICE)))).hasMessageContaining("no column");
    }
}
