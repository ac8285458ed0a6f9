package nl.kunstloc.publieksdata.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    @Test
    void aLineHashedInPlaceHasTheFingerprintOfItsJoinedValues() {
        List<String> values = List.of("T-1001", "K42", "03-02-2026", "De Notenkraker", "€ 12,50", "");
        assertThat(SeenLines.fingerprint(values, null)).isEqualTo(SeenLines.fingerprint(String.join("\u001F", values)));
        assertThat(SeenLines.fingerprint(values, "TK-7")).isEqualTo(SeenLines.fingerprint(String.join("\u001F", values) + "\u001FTK-7"));
        assertThat(SeenLines.fingerprint(List.of(), null)).isEqualTo(SeenLines.fingerprint(""));
        // a value moved across the separator is another line
        assertThat(SeenLines.fingerprint(List.of("ab", "c"), null)).isNotEqualTo(SeenLines.fingerprint(List.of("a", "bc"), null));
    }
}
