package nl.kunstloc.publieksdata.delivery.control;

import static nl.kunstloc.publieksdata.delivery.entity.CanonicalField.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.kunstloc.publieksdata.delivery.entity.CanonicalField;
import nl.kunstloc.publieksdata.delivery.entity.ColumnMapping;
import nl.kunstloc.publieksdata.delivery.entity.MappingProposal;
import nl.kunstloc.publieksdata.institution.entity.TicketingSystem;
import org.junit.jupiter.api.Test;

/**
 * The mapping of an API upload. The required fields are whatever {@link CanonicalField#missingRequired} says;
 * the files here lack a date, which every rule requires, or have every field.
 */
class ApiMappingTest {

    /** A home-grown export: "Wijk" and "Dag" are names no vocabulary knows. */
    static final List<String> HEADERS = List.of("Bestelnummer", "Klantnummer", "Dag", "Voorstelling", "Aantal", "Wijk", "Land", "E-mail");

    static final Map<Long, ColumnMapping> SAVED = Map.of(1000L, mapping("Bestelnummer", ORDER_ID, "Klantnummer", CUSTOMER_ID,
            "Dag", ORDER_DATE, "Voorstelling", EVENT_NAME, "Aantal", TICKET_COUNT, "Wijk", POSTCODE, "Land", COUNTRY));

    static MappingProposal resolve(ApiMapping.Request request) {
        return ApiMapping.resolve(request, HEADERS, MappingDetector.detect(HEADERS), n -> Optional.ofNullable(SAVED.get(n)));
    }

    @Test
    void pairsAreTheWholeMappingAndMatchAHeaderIgnoringCase() {
        MappingProposal used = resolve(ApiMapping.parse(null, List.of("Bestelnummer:ORDER_ID", "klantnummer:customer_id",
                "Dag:ORDER_DATE", "Voorstelling:EVENT_NAME", "Aantal:TICKET_COUNT", " wijk :POSTCODE", "Land:COUNTRY")));
        assertThat(used.mapping().byHeader()).containsExactly(Map.entry("Bestelnummer", ORDER_ID),
                Map.entry("Klantnummer", CUSTOMER_ID), Map.entry("Dag", ORDER_DATE), Map.entry("Voorstelling", EVENT_NAME),
                Map.entry("Aantal", TICKET_COUNT), Map.entry("Wijk", POSTCODE), Map.entry("Land", COUNTRY));
        assertThat(used.missingRequired()).isEmpty();
    }

    @Test
    void aHeaderMayHoldAColonThePairIsSplitAtTheLast() {
        ApiMapping.Request request = ApiMapping.parse(null, List.of("Datum: verkoop:ORDER_DATE"));
        assertThat(request.pairs()).containsExactly(Map.entry("Datum: verkoop", ORDER_DATE));
    }

    @Test
    void aSavedMappingByItsNumber() {
        MappingProposal used = resolve(ApiMapping.parse("1000", List.of()));
        assertThat(used.mapping()).isEqualTo(SAVED.get(1000L));
    }

    @Test
    void withoutEitherTheProposalOfTheUploadIsUsedTheLayoutsSavedMappingOrDetection() {
        MappingProposal proposed = MappingDetector.withMapping(HEADERS, TicketingSystem.OTHER, SAVED.get(1000L));
        assertThat(ApiMapping.resolve(ApiMapping.Request.NONE, HEADERS, proposed, n -> Optional.empty())).isSameAs(proposed);
    }

    @Test
    void aPresetNameGuidesDetectionAndAnUnknownNameKeepsItsOldCode() {
        assertThat(ApiMapping.parse("see-tickets", List.of()).preset()).contains(TicketingSystem.SEE_TICKETS);
        assertThatThrownBy(() -> ApiMapping.parse("nonsense", List.of())).isInstanceOf(UnreadableExportException.class)
                .extracting(e -> ((UnreadableExportException) e).messageKey()).isEqualTo("delivery.upload.unknownPreset");
    }

    @Test
    void aRequiredFieldWithoutAColumnIsRefusedWithTheMissingFieldsAndTheFilesColumns() {
        // detection knows neither "Dag" nor "Wijk": no date, which every rule requires
        MappingRefusedException refused = catchThrowableOfType(() -> resolve(ApiMapping.Request.NONE), MappingRefusedException.class);
        assertThat(refused.inRequest()).as("it is about this file: 422").isFalse();
        assertThat(refused.messageKey()).isEqualTo("delivery.api.missingFields");
        assertThat(refused.missing()).contains(ORDER_DATE)
                .isEqualTo(refused.mapping().orElseThrow().missingRequired());
        assertThat(refused.columns()).isEqualTo(HEADERS);

        MappingRefusedException pairs = catchThrowableOfType(() -> resolve(ApiMapping.parse(null,
                List.of("Wijk:POSTCODE", "Bestelnummer:ORDER_ID"))), MappingRefusedException.class);
        assertThat(pairs.missing()).contains(ORDER_DATE).doesNotContain(POSTCODE, ORDER_ID);
        assertThat(pairs.mapping().orElseThrow().byHeader()).containsOnlyKeys("Wijk", "Bestelnummer");
    }

    @Test
    void aColumnTheFileLacksIsAboutThisFile() {
        MappingRefusedException refused = catchThrowableOfType(() -> resolve(ApiMapping.parse(null, List.of("Postcode:POSTCODE"))),
                MappingRefusedException.class);
        assertThat(refused.inRequest()).isFalse();
        assertThat(refused.messageKey()).isEqualTo("delivery.api.unknownColumn");
        assertThat(refused.arguments()).containsExactly("Postcode");
        assertThat(refused.columns()).isEqualTo(HEADERS);
    }

    @Test
    void aSavedMappingForOtherColumnsDoesNotFit() {
        Map<Long, ColumnMapping> other = Map.of(7L, mapping("Postcode", POSTCODE));
        MappingRefusedException refused = catchThrowableOfType(() -> ApiMapping.resolve(ApiMapping.parse("7", List.of()), HEADERS,
                MappingDetector.detect(HEADERS), n -> Optional.ofNullable(other.get(n))), MappingRefusedException.class);
        assertThat(refused.messageKey()).isEqualTo("delivery.api.unknownColumn");
    }

    @Test
    void personalDataMayOnlyBeTheCustomerId() {
        MappingRefusedException refused = catchThrowableOfType(() -> resolve(ApiMapping.parse(null, List.of("E-mail:EVENT_NAME"))),
                MappingRefusedException.class);
        assertThat(refused.inRequest()).isFalse();
        assertThat(refused.messageKey()).isEqualTo("delivery.api.personalColumn");
    }

    @Test
    void wrongRequestsAreRefusedWhateverTheFile() {
        assertThat(badRequest(() -> ApiMapping.parse(null, List.of("Wijk")))).isEqualTo("delivery.api.badPair");
        assertThat(badRequest(() -> ApiMapping.parse(null, List.of("Wijk:")))).isEqualTo("delivery.api.badPair");
        assertThat(badRequest(() -> ApiMapping.parse(null, List.of(":POSTCODE")))).isEqualTo("delivery.api.badPair");
        assertThat(badRequest(() -> ApiMapping.parse(null, List.of("Wijk:ZIPCODE")))).isEqualTo("delivery.api.unknownField");
        assertThat(badRequest(() -> ApiMapping.parse(null, List.of("Wijk:POSTCODE", "Land:POSTCODE"))))
                .isEqualTo("delivery.api.duplicatePair");
        assertThat(badRequest(() -> ApiMapping.parse(null, List.of("Wijk:POSTCODE", "Wijk:COUNTRY"))))
                .isEqualTo("delivery.api.duplicatePair");
        assertThat(badRequest(() -> ApiMapping.parse("1000", List.of("Wijk:POSTCODE")))).isEqualTo("delivery.api.twoMappings");
        assertThat(badRequest(() -> resolve(ApiMapping.parse("99", List.of())))).isEqualTo("delivery.api.unknownMapping");
        assertThat(badRequest(() -> ApiMapping.parse("99999999999999999999999", List.of()))).isEqualTo("delivery.api.unknownMapping");
    }

    @Test
    void theUnknownFieldMessageListsEveryField() {
        MappingRefusedException refused = catchThrowableOfType(() -> ApiMapping.parse(null, List.of("Wijk:ZIP")),
                MappingRefusedException.class);
        assertThat((String) refused.arguments()[1]).contains(java.util.Arrays.stream(CanonicalField.values()).map(Enum::name).toList());
    }

    private static String badRequest(Runnable call) {
        MappingRefusedException refused = catchThrowableOfType(call::run, MappingRefusedException.class);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.inRequest()).as("%s is about the request: 400", refused.messageKey()).isTrue();
        return refused.messageKey();
    }

    private static ColumnMapping mapping(Object... headerAndField) {
        Map<String, CanonicalField> byHeader = new LinkedHashMap<>();
        for (int i = 0; i < headerAndField.length; i += 2) {
            byHeader.put((String) headerAndField[i], (CanonicalField) headerAndField[i + 1]);
        }
        return new ColumnMapping(byHeader);
    }
}
