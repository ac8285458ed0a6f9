package nl.kunstloc.publieksdata.reference.control;

import static org.assertj.core.api.Assertions.assertThat;

import nl.kunstloc.publieksdata.reference.entity.PostcodeReading;
import nl.kunstloc.publieksdata.reference.entity.PostcodeReading.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"5038 ab", "5038AB", " 5038-ab ", "5038\u00A0AB", "5038  Ab"})
    void normalisesTheWaysCustomersTypeAPostcode(String typed) {
        assertThat(Postcodes.normalise(typed)).isEqualTo("5038AB");
        assertThat(Postcodes.pc4(typed)).contains("5038");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123AB", "5038SA", "5038 sd", "5038SS", "503AB", "5038A", "5038ABC", "ABCD12", ""})
    void refusesWhatPostNlNeverIssues(String postcode) {
        assertThat(Postcodes.isValid(postcode)).isFalse();
    }

    @Test
    void aBarePc4IsAcceptedForThePc4ButIsNoFullPostcode() {
        assertThat(Postcodes.pc4("5038")).contains("5038");
        assertThat(Postcodes.isValid("5038")).isFalse();
        assertThat(Postcodes.pc4("0999")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5038 AB|       |DUTCH  |5038|NL",
            "5038 AB|NL     |DUTCH  |5038|NL",
            "5038 AB|Nederland|DUTCH|5038|NL",
            "2000   |België |FOREIGN|    |BE",
            "2000   |BE     |FOREIGN|    |BE",
            "52062  |Duitsland|FOREIGN|  |DE",
            "52062  |       |FOREIGN|    |XX",
            "SW1A 1AA|United Kingdom|FOREIGN||GB",
            "       |Belgium|FOREIGN|    |BE",
            "       |       |MISSING|    |",
            "5038 SA|       |INVALID|    |",
            "ABC    |NL     |INVALID|    |",
            "12345  |NL     |INVALID|    |"})
    void readsDutchForeignMissingAndInvalid(String postcode, String country, Kind kind, String pc4, String countryCode) {
        PostcodeReading reading = Postcodes.read(postcode, country);
        assertThat(reading.kind()).isEqualTo(kind);
        assertThat(reading.pc4()).isEqualTo(pc4);
        assertThat(reading.country()).isEqualTo(countryCode);
    }

    @Test
    void aForeignReadingKeepsOnlyTheCountry() {
        assertThat(Postcodes.read("B-2000 Antwerpen", "België")).isEqualTo(PostcodeReading.foreign("BE"));
        assertThat(Postcodes.countryCode("Atlantis")).isEqualTo(PostcodeReading.UNKNOWN_COUNTRY);
    }
}
