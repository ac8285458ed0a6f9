package nl.kunstloc.publieksdata.agreement.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgreementNumberTest {

    @Test
    void theFirstNumberOfAYearIsOne() {
        assertThat(AgreementNumber.next(2026, null)).isEqualTo("VO-2026-0001");
    }

    @Test
    void theNextNumberFollowsTheHighestOfTheYear() {
        assertThat(AgreementNumber.next(2026, "VO-2026-0041")).isEqualTo("VO-2026-0042");
        assertThat(AgreementNumber.next(2026, "VO-2026-0999")).isEqualTo("VO-2026-1000");
    }

    @Test
    void numbersSortAsTextInTheOrderTheyWereGiven() {
        // max(number) in SQL must find the highest: the fixed width makes text order numeric order
        assertThat(AgreementNumber.of(2026, 10)).isGreaterThan(AgreementNumber.of(2026, 9));
        assertThat(AgreementNumber.prefix(2027)).isEqualTo("VO-2027-");
    }

    @Test
    void aNumberOfAnotherYearOrAMalformedOneIsRefused() {
        assertThatThrownBy(() -> AgreementNumber.next(2027, "VO-2026-0005")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgreementNumber.next(2026, "2026-5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theYearIsFullAfter9999Agreements() {
        assertThatThrownBy(() -> AgreementNumber.next(2026, "VO-2026-9999")).isInstanceOf(IllegalArgumentException.class);
    }
}
