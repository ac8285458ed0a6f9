package nl.kunstloc.publieksdata.segmentation.control;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * The distinct (group, customer) pairs of a report: added one after the other into a growing array (no hashing, so
 * no random memory access per row), sorted once at the end and then visited without repeats, in ascending order.
 * For a million rows this was faster than a hash set of the pairs (issue 13, docs/performance.md). Not thread-safe.
 */
final class LongBag {

    private long[] values;
    private int size;
    private boolean sorted = true;

    LongBag(int expected) {
        values = new long[Math.max(16, expected)];
    }

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
        sorted = false;
    }

    /** Visits every distinct value once, smallest first. */
    void forEachDistinct(LongConsumer action) {
        if (!sorted) {
            Arrays.parallelSort(values, 0, size);
            sorted = true;
        }
        for (int i = 0; i < size; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                action.accept(values[i]);
            }
        }
    }
}
