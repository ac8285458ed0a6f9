package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenLinesTest {

    @Test
    void remembersManyLinesAndRecognisesRepeats() {
        SeenLines seen = new SeenLines();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add("order-" + i)).isTrue();
        }
        assertThat(seen.add("order-0")).isFalse();
        assertThat(seen.add("order-99999")).isFalse();
        assertThat(seen.add("order-100000")).isTrue();
    }
}
