package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12,50|12.50", "12.50|12.50", "€ 12,50|12.50", "€12,50|12.50", "EUR 12.50|12.50", "1.234,50|1234.50",
            "1,234.50|1234.50", "1.234|1234", "1 234,50|1234.50", "1.234.567,89|1234567.89", "0,125|0.125",
            "15|15", "-12,50|-12.50", "12,50-|-12.50", "(12,50)|-12.50", "2,0|2.0"})
    void readsDutchAndEnglishNotations(String text, String expected) {
        assertThat(Amounts.parse(text)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(expected)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gratis", "12,50,3", "1.23.4", "12..5", "12,", "=1+1", "1,2,3,4"})
    void refusesWhatIsNotANumber(String text) {
        assertThat(Amounts.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2,2", "'2,0',2", "0,0", "-1,-1"})
    void readsWholeCounts(String text, int expected) {
        assertThat(Amounts.parseWhole(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,5", "twee", ""})
    void aCountIsWhole(String text) {
        assertThat(Amounts.parseWhole(text)).isEmpty();
    }
}
