package nl.kunstloc.publieksdata.segmentation.control;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * A set of longs without boxing (open addressing, linear probing), for the (customer, order) pairs
 * of a million-row delivery whose order has several customers: a {@code HashSet<Long>} of them costs ~5× the memory and time.
 * Not thread-safe.
 */
final class LongHashSet {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int size;

    LongHashSet(int expected) {
        keys = new long[Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 2) << 1)];
        Arrays.fill(keys, EMPTY);
    }

    /** Adds the key (never {@link Long#MIN_VALUE}); true if it was new. */
    boolean add(long key) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == EMPTY) {
                keys[i] = key;
                size++;
                return true;
            }
            if (k == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    void forEach(LongConsumer action) {
        for (long k : keys) {
            if (k != EMPTY) {
                action.accept(k);
            }
        }
    }

    private void grow() {
        long[] old = keys;
        keys = new long[old.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (long k : old) {
            if (k != EMPTY) {
                add(k);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
