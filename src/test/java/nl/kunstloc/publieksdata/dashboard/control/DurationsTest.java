package nl.kunstloc.publieksdata.dashboard.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void medianOfAnOddAndAnEvenCountAndTheSlowest() {
        assertThat(Durations.median(List.of(5000L, 1000L, 3000L))).isEqualTo(Duration.ofSeconds(3));
        assertThat(Durations.median(List.of(4000L, 1000L, 3000L, 2000L))).isEqualTo(Duration.ofMillis(2500));
        assertThat(Durations.slowest(List.of(4000L, 1000L, 9000L))).isEqualTo(Duration.ofSeconds(9));
        assertThat(Durations.median(List.of())).isNull();
    }
}
