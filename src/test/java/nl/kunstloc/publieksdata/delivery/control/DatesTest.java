package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"01-03-2024", "1-3-2024", "2024-03-01", "01/03/2024", "1/3/2024", "01.03.2024",
            "2024-03-01T19:30", "2024-03-01T19:30:00", "2024-03-01T19:30:00Z", "2024-03-01T19:30:00+01:00",
            "2024-03-01T19:30:00.123", "01-03-2024 19:30", "01-03-2024 19:30:15", "2024-03-01 09:00:00", " 01-03-2024 "})
    void readsTheFormatsExportsUse(String text) {
        assertThat(Dates.parse(text)).contains(LocalDate.of(2024, 3, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "31-02-2024", "2024-13-45", "morgen", "01-03-24", "1900-01-01", "01-03-2024 25:99x",
            "45000"})
    void refusesImpossibleOrAmbiguousDates(String text) {
        assertThat(Dates.parse(text)).isEmpty();
    }
}
