package nl.kunstloc.publieksdata.segmentation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.kunstloc.publieksdata.segmentation.entity.AudienceFigures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The numbering of customers, orders (by their 64-bit keys) and groups (issue 13, speed), and the visit rule it serves. */
class StringIndexTest {

    @BeforeAll
    static void directory() {
        AudienceFigureCalculatorTest.directory();
    }

    @Test
    void numbersStringsInTheOrderTheyAreFirstSeenAsAMapWould() {
        StringIndex index = new StringIndex(4); // small, so that it grows many times
        Map<String, Integer> reference = new LinkedHashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            String key = switch (random.nextInt(4)) {
                case 0 -> "Aa".repeat(random.nextInt(4)) + "BB".repeat(random.nextInt(4)); // equal hash codes
                case 1 -> "";
                default -> "k" + random.nextInt(50_000) + (random.nextBoolean() ? "é€" : "");
            };
            Integer expected = reference.computeIfAbsent(key, k -> reference.size());
            assertThat(index.indexOf(new String(key))).as(key).isEqualTo(expected);
        }
        assertThat(index.size()).isEqualTo(reference.size());
    }

    @Test
    void numbersLongKeysInTheOrderTheyAreFirstSeenAsAMapWould() {
        LongIndex index = new LongIndex(4); // small, so that it grows many times
        Map<Long, Integer> reference = new LinkedHashMap<>();
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            long key = switch (random.nextInt(3)) {
                case 0 -> random.nextInt(1000) * (1L << 32); // equal low bits
                case 1 -> AudienceFigureCalculator.key("k" + random.nextInt(50_000));
                default -> random.nextInt(50_000) - 25_000L;
            };
            Integer expected = reference.computeIfAbsent(key, k -> reference.size());
            assertThat(index.indexOf(key)).as("key %d", key).isEqualTo(expected);
        }
        assertThat(index.size()).isEqualTo(reference.size());
    }

    @Test
    void theKeysOfDistinctIdsDifferAndNoIdHasTheKeyOfNone() {
        java.util.Set<Long> keys = new java.util.HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            keys.add(AudienceFigureCalculator.key("K" + i));
        }
        assertThat(keys).hasSize(1_000_000).doesNotContain(AudienceFigureCalculator.NO_KEY);
        assertThat(AudienceFigureCalculator.key(null)).isEqualTo(AudienceFigureCalculator.NO_KEY);
        assertThat(AudienceFigureCalculator.key("")).isNotEqualTo(AudienceFigureCalculator.NO_KEY);
        assertThat(AudienceFigureCalculator.realKey(AudienceFigureCalculator.NO_KEY)).isNotEqualTo(AudienceFigureCalculator.NO_KEY);
    }

    @Test
    void anOrderOfTwoCustomersIsAVisitForEachAndRepeatedLinesAreNone() {
        AudienceFigureCalculator.Accumulation a = AudienceFigureCalculatorTest.calculator().start(42, List.of(1L));
        int day = AudienceFigureCalculatorTest.day("2025-01-05");
        int show = AudienceFigureCalculatorTest.day("2025-03-01");
        a.add(1, "O1", "c1", day, "E1", "Hamlet", show, "Toneel", 1, "5611");
        a.add(1, "O1", "c2", day, "E1", "Hamlet", show, "Toneel", 1, "5611"); // the same order, another customer
        a.add(1, "O1", "c1", day, "E1", "Hamlet", show, "Toneel", 1, "5611"); // a second line of c1's order
        a.add(1, "O2", "c1", day, "E1", "Hamlet", show, "Toneel", 1, "5611");
        a.add(1, "O1", "c2", day, "E1", "Hamlet", show, "Toneel", 1, "5611"); // c2's order O1 again
        a.add(1, "O2", "c2", day, "E1", "Hamlet", show, "Toneel", 1, "5611");
        AudienceFigures.Frequency q = a.finish(Instant.EPOCH).frequency();
        // c1: O1, O2; c2: O1, O2
        assertThat(q.customers()).isEqualTo(2);
        assertThat(q.visits()).isEqualTo(2 + 2);
        assertThat(q.repeatVisits()).isEqualTo(2);
    }

    @Test
    void theBagVisitsEachDistinctPairOnceInAscendingOrder() {
        LongBag bag = new LongBag(4);
        java.util.TreeSet<Long> reference = new java.util.TreeSet<>();
        Random random = new Random(4);
        for (int i = 0; i < 50_000; i++) {
            long pair = ((long) random.nextInt(300) << 32) | random.nextInt(2_000);
            bag.add(pair);
            reference.add(pair);
        }
        List<Long> visited = new java.util.ArrayList<>();
        bag.forEachDistinct(visited::add);
        assertThat(visited).isEqualTo(List.copyOf(reference));
    }
}
